namespace LocalServiceBus.Security;

/// <summary>Why a SAS token was accepted or refused (logged without the token itself).</summary>
internal enum SasTokenCheck
{
    Valid = 0,
    Malformed = 1,
    UnknownKey = 2,
    BadSignature = 3,
    Expired = 4,
}

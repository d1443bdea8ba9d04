using Operator.Cli;

namespace Operator.Tests.Cli;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_KnownSecretInMessage_IsMasked()
    {
        var redactor = new SecretRedactor();
        redactor.Add(["p4ssw0rd"]);

        Assert.Equal("bad connection string Password=<redacted>;", redactor.Redact("bad connection string Password=p4ssw0rd;"));
    }

    [Fact]
    public void Redact_VeryShortValues_AreLeftAlone()
    {
        var redactor = new SecretRedactor();
        redactor.Add(["", "a"]);

        Assert.Equal("a value", redactor.Redact("a value"));
    }
}

namespace EmbeddedKubernetes.Aggregation;

/// <summary>Where an APIService's requests go and how its TLS is checked.</summary>
internal sealed record ApiServiceBackend(string Name, Uri BaseUri, string ServerName, byte[]? CaBundle, bool InsecureSkipTlsVerify);

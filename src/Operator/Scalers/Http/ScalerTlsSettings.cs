using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Operator.Scalers.Http;

/// <summary>
/// How a scaler's HTTP connection is secured: KEDA's default transport (<c>unsafeSsl</c> skips verification) or,
/// when a CA or client certificate is given, a transport that trusts the system roots plus <c>ca</c>, presents
/// <c>cert</c>/<c>key</c> and always verifies (KEDA's prometheus scaler ignores <c>unsafeSsl</c> there). Each distinct
/// configuration is one named <see cref="IHttpClientFactory"/> client (<see cref="ClientName"/>).
/// </summary>
internal sealed class ScalerTlsSettings
{
    private ScalerTlsSettings(bool unsafeSsl, X509Certificate2? clientCertificate, X509Certificate2Collection customRoots, string clientName)
    {
        UnsafeSsl = unsafeSsl;
        ClientCertificate = clientCertificate;
        CustomRoots = customRoots;
        ClientName = clientName;
    }

    public bool UnsafeSsl { get; }

    public X509Certificate2? ClientCertificate { get; }

    public X509Certificate2Collection CustomRoots { get; }

    /// <summary>
    /// The factory client's name: equal configurations share one client and its handler pool. The custom part is a
    /// hash, never the key material.
    /// </summary>
    public string ClientName { get; }

    /// <summary>KEDA's default transport: system roots, verification skipped when <paramref name="unsafeSsl"/>.</summary>
    public static ScalerTlsSettings Default(bool unsafeSsl) =>
        new(unsafeSsl, null, [], ScalerHttpDefaults.ClientNamePrefix + (unsafeSsl ? "unsafe" : "default"));

    /// <summary>
    /// The custom-TLS transport. Fails (without echoing the material) when the client certificate or key cannot be
    /// read; an unreadable CA is ignored, like Go's <c>AppendCertsFromPEM</c> result that KEDA drops.
    /// </summary>
    public static (ScalerTlsSettings? Settings, string? Error) Custom(string cert, string key, string ca)
    {
        X509Certificate2? clientCertificate = null;
        if (cert.Length > 0 && key.Length > 0)
        {
            try
            {
                clientCertificate = X509Certificate2.CreateFromPem(cert, key);
            }
            catch (CryptographicException)
            {
                return (null, "error creating the TLS config: failed to parse the client certificate and key (expected PEM)");
            }
            catch (ArgumentException)
            {
                return (null, "error creating the TLS config: failed to parse the client certificate and key (expected PEM)");
            }
        }

        var roots = new X509Certificate2Collection();
        if (ca.Length > 0)
        {
            try
            {
                roots.ImportFromPem(ca);
            }
            catch (CryptographicException)
            {
                roots.Clear();
            }
        }

        var key64 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{cert}\0{key}\0{ca}")));
        return (new ScalerTlsSettings(false, clientCertificate, roots, ScalerHttpDefaults.ClientNamePrefix + "custom-" + key64), null);
    }

    /// <summary>The factory's primary handler for this configuration (a new one each time the factory rotates handlers).</summary>
    public SocketsHttpHandler CreateHandler()
    {
        var ssl = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate };
        if (ClientCertificate is not null)
        {
            ssl.ClientCertificates = [ClientCertificate];
        }

        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = ScalerHttpDefaults.PooledConnectionLifetime,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip,
            SslOptions = ssl,
        };
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (UnsafeSsl || errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || CustomRoots.Count == 0 || certificate is null)
        {
            return false;
        }

        // System roots did not vouch for the server: try again with the configured CA as an extra trust anchor.
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(CustomRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Operator.Adapter;

/// <summary>
/// The metrics adapter's self-signed serving certificate. kube-apiserver (and the embedded control plane) verify the
/// backend of an APIService for the Service's DNS name <c>{service}.{namespace}.svc</c> against <c>spec.caBundle</c>,
/// so the certificate names the Service and the address it is reached on; <see cref="CaBundlePem"/> is that bundle.
/// </summary>
internal sealed class AdapterCertificate : IDisposable
{
    private AdapterCertificate(X509Certificate2 certificate)
    {
        Certificate = certificate;
        CaBundlePem = certificate.ExportCertificatePem();
    }

    public X509Certificate2 Certificate { get; }

    public string CaBundlePem { get; }

    public static AdapterCertificate Create(string serviceName, string serviceNamespace, IPAddress address, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serviceHost = $"{serviceName}.{serviceNamespace}.svc";
        var request = new CertificateRequest($"CN={serviceHost}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(serviceHost);
        san.AddDnsName(serviceHost + ".cluster.local");
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        if (!address.Equals(IPAddress.Loopback) && !address.Equals(IPAddress.Any))
        {
            san.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return new AdapterCertificate(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null));
    }

    public void Dispose() => Certificate.Dispose();
}

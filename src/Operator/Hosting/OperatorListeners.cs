using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Operator.Hosting;

/// <summary>The bound addresses once the server started (ports chosen by the OS when configured as 0).</summary>
internal sealed class OperatorListeners(IServer server)
{
    /// <summary>The adapter's HTTPS address.</summary>
    public Uri Adapter => Addresses().First(a => a.Scheme == Uri.UriSchemeHttps);

    /// <summary>The metrics and decisions address.</summary>
    public Uri Metrics => Addresses().First(a => a.Scheme == Uri.UriSchemeHttp);

    /// <summary>The probes address (the metrics address when both share a port).</summary>
    public Uri Health => Addresses().Where(a => a.Scheme == Uri.UriSchemeHttp).Last();

    private IEnumerable<Uri> Addresses() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a));
}

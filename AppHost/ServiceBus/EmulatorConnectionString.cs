namespace AppHost.ServiceBus;

/// <summary>
/// The emulator-style connection string, <c>Endpoint=sb://host:port;...;UseDevelopmentEmulator=true;</c>, that the
/// real SDK accepts for both the local Service Bus and the emulator container.
/// </summary>
internal static class EmulatorConnectionString
{
    /// <summary>The emulator's well-known development key (not a secret: the emulator documents it).</summary>
    public const string KeyName = "RootManageSharedAccessKey";
    public const string Key = "SAS_KEY_VALUE";

    /// <summary>For host processes: <c>localhost</c> and the endpoint's (published) port.</summary>
    public static ReferenceExpression ForHost(EndpointReference endpoint) =>
        ReferenceExpression.Create(
            $"Endpoint=sb://localhost:{endpoint.Property(EndpointProperty.Port)};SharedAccessKeyName={KeyName};SharedAccessKey={Key};UseDevelopmentEmulator=true;");

    /// <summary>For a client elsewhere (a pod in k3s): <paramref name="host"/> and the container's own port.</summary>
    public static ReferenceExpression For(Hosting.ContainerAddress host, int port) =>
        ReferenceExpression.Create(
            $"Endpoint=sb://{host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)};SharedAccessKeyName={KeyName};SharedAccessKey={Key};UseDevelopmentEmulator=true;");
}

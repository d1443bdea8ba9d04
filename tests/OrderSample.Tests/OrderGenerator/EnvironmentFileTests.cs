using global::OrderGenerator;

namespace OrderSample.Tests.OrderGenerator;

public sealed class EnvironmentFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("envfile-").FullName;

    [Fact]
    public void Find_FromASubdirectory_FindsTheFileAbove()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".apphost"));
        File.WriteAllText(Path.Combine(_root, ".apphost", "environment.env"), "");
        var nested = Directory.CreateDirectory(Path.Combine(_root, "src", "OrderGenerator")).FullName;

        Assert.Equal(Path.Combine(_root, ".apphost", "environment.env"), EnvironmentFile.Find(nested));
    }

    [Fact]
    public void Read_KeyValueLines_BecomeConfigurationKeys()
    {
        var file = Path.Combine(_root, "environment.env");
        File.WriteAllLines(file,
        [
            "# written by the AppHost",
            "ConnectionStrings__servicebus=Endpoint=sb://localhost:5672;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
            "export ConnectionStrings__kafka=\"127.0.0.1:39092\"",
            "not a pair",
        ]);

        var values = EnvironmentFile.Read(file);

        Assert.Equal(2, values.Count);
        Assert.StartsWith("Endpoint=sb://localhost:5672;", values["ConnectionStrings:servicebus"], StringComparison.Ordinal);
        Assert.Equal("127.0.0.1:39092", values["ConnectionStrings:kafka"]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

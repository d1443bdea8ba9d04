namespace OrderGenerator;

/// <summary>What one run queued: the numbers the summary line and the exit code are made of.</summary>
internal sealed record GeneratorSummary(int Requested, int Queued, int Failed, TimeSpan Elapsed, string Destination, string? FirstError)
{
    public double Rate => Elapsed > TimeSpan.Zero ? Queued / Elapsed.TotalSeconds : Queued;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Queued {Queued} of {Requested} orders on {Destination} in {Elapsed.TotalSeconds:0.0} s ({Rate:0} orders/s); {Failed} failed.");
}

using RadioStudio.Web.Telephony;

namespace RadioStudio.Tests.Support;

/// <summary>Counts "Test call" presses for page tests.</summary>
public sealed class FakeTestCalls : ITestCallPlacer
{
    private int _placed;

    public int Placed => Volatile.Read(ref _placed);

    public string? RefuseWith { get; set; }

    public Task<string?> PlaceTestCallAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _placed);
        return Task.FromResult(RefuseWith);
    }
}

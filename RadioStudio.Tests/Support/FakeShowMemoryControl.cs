using RadioStudio.Engine.Show.Memory;

namespace RadioStudio.Tests.Support;

/// <summary>Records what the pages asked of show memory.</summary>
public sealed class FakeShowMemoryControl : IShowMemoryControl
{
    public List<string> Calls { get; } = [];

    public Task FollowUpNowAsync(CancellationToken cancellationToken = default) => Record("follow-up");

    public Task PutOnFollowUpAsync(CancellationToken cancellationToken = default) => Record("put-on");

    public Task SkipFollowUpAsync(CancellationToken cancellationToken = default) => Record("skip");

    public bool CanMakeRegular(string recordId) => true;

    public Task MakeRegularAsync(string recordId, CancellationToken cancellationToken = default) => Record("regular " + recordId);

    public Task SetCallerFlagsAsync(string number, bool vip, bool blocked, CancellationToken cancellationToken = default) => Record($"flags {number} {vip} {blocked}");

    private Task Record(string call)
    {
        lock (Calls)
        {
            Calls.Add(call);
        }

        return Task.CompletedTask;
    }
}

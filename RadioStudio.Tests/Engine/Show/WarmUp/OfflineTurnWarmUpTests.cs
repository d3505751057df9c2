using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.Show.WarmUp;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Show.WarmUp;

/// <summary>The turn warm-up with the offline providers (the default studio), and switched off by <c>WarmUp:Enabled</c>.</summary>
public sealed class OfflineTurnWarmUpTests
{
    [Fact]
    public async Task WarmUp_OfflineStudio_WarmsAtStartAndOnPutOnLine_EveryStep()
    {
        var studio = new Studio(new Dictionary<string, string?>());
        await studio.InitializeAsync();
        try
        {
            await OfflineStudioWarmsAsync(studio);
        }
        finally
        {
            await studio.DisposeAsync();
        }
    }

    private static async Task OfflineStudioWarmsAsync(Studio studio)
    {
        var warmUp = studio.Factory.Services.GetRequiredService<TurnWarmUpService>();
        await Poll.AssertUntilAsync(() => warmUp.Passes >= 1, "the start warm-up finished", TimeSpan.FromSeconds(60));

        await studio.Factory.Services.GetRequiredService<AiDirector>().CallAsync(2);
        await Poll.AssertUntilAsync(() => warmUp.Passes >= 2, "the put-on-line warm-up finished", TimeSpan.FromSeconds(60));

        Assert.Equal("put-on-line", warmUp.LastPass!.Reason);
        Assert.Empty(warmUp.LastPass.Failed);
        Assert.DoesNotContain(studio.Engine.Current.Transcript, e => e.Kind == RadioStudio.Engine.State.PartyKind.Ai);
        await studio.Factory.Services.GetRequiredService<AiDirector>().HangUpAsync();
    }

    [Fact]
    public async Task WarmUp_Disabled_NeverRuns()
    {
        var studio = new Studio(new Dictionary<string, string?> { ["WarmUp:Enabled"] = "false" });
        await studio.InitializeAsync();
        try
        {
            var ai = studio.Factory.Services.GetRequiredService<AiDirector>();

            await ai.CallAsync(1);
            await studio.Engine.WaitForAsync(s => s.Ai.ActiveSlot == 1);
            await ai.HangUpAsync();

            // A negative: give it the time an enabled pass takes here (about 1.3 s at start, 20 ms on put-on-line), twice over.
            var warmUp = studio.Factory.Services.GetRequiredService<TurnWarmUpService>();
            Assert.False(await Poll.UntilAsync(() => warmUp.Passes > 0, TimeSpan.FromSeconds(3)), "a warm-up ran although WarmUp:Enabled is false");
        }
        finally
        {
            await studio.DisposeAsync();
        }
    }

    private sealed class Studio(IReadOnlyDictionary<string, string?> extra) : PhoneStudioFixture
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings() => extra;
    }
}

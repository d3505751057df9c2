using System.Net.Http.Headers;
using System.Text;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Tests.Engine.Audio;
using RadioStudio.Tests.Engine.Audio.Graph;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Telephony;

public sealed class PhoneLinesIntegrationTests(PhoneStudioFixture studio) : IClassFixture<PhoneStudioFixture>
{
    private static readonly BusId Phone1 = new(BusKind.Phone, 0);

    [Fact]
    public async Task TwoCallers_HoldTakeHangUpAndDrop_EndToEnd()
    {
        var tone = Tone(440, 8000, seconds: 1);
        var (ann, annLine) = await studio.CallInAsync("+14155550111", tone);
        var (bob, bobLine) = await studio.CallInAsync("+14155550112");

        // Both hear hold music: paced frames that are not silence.
        await Poll.AssertUntilAsync(() => ann.ReceivedFrames().Length >= 10 && bob.ReceivedFrames().Length >= 10, "holding callers receive frames");
        Assert.Contains(ann.ReceivedAudio(), b => b != MuLaw.Silence);

        // Ann goes on air: her line's audio reaches the studio, decoded exactly as G.711 says.
        await studio.Engine.TakeCallAsync(annLine);
        var onAir = studio.Engine.Current.Lines.Single(l => l.Id == annLine);
        Assert.Equal((LineStatus.OnAir, 3), (onAir.Status, onAir.Channel));
        // Her audio goes through the jitter buffer and the 8k→48k resampler onto the first phone channel.
        var capture = new CaptureOutput();
        studio.Audio.AddOutput(capture);
        try
        {
            await Poll.AssertUntilAsync(() => capture.Count >= 50 && capture.WasActive(Phone1), "the caller's audio reaches her phone channel");
            // Half a second as 100 ms windows: the median is the level (a loaded machine may underrun the jitter
            // buffer for a window); the loudest window is checked for a clean tone.
            var heard = capture.Last(Phone1, 25);
            var windows = Enumerable.Range(0, 5).Select(w => heard.AsSpan(w * 4_800, 4_800).ToArray()).OrderBy(w => DspTestHelpers.GoertzelAmplitude(w, 440, 48_000)).ToArray();
            Assert.Equal(0.5, DspTestHelpers.GoertzelAmplitude(windows[2], 440, 48_000), 0.03);
            Assert.True(DspTestHelpers.SpuriousDb(windows[^1].AsSpan(0, 4_096), 440, 48_000) < -30, "a clean 440 Hz tone, not noise");
        }
        finally
        {
            studio.Audio.RemoveOutput(capture);
        }

        // Bob hangs up: he leaves the queue at once, and nobody calls Twilio to end his call.
        await bob.HangUpAsync();
        await studio.Engine.WaitForAsync(s => s.Lines.All(l => l.Id != bobLine));
        Assert.Equal(SimulatedCallEnd.CallerHungUp, await bob.Ended.WaitAsync(TimeSpan.FromSeconds(10)));

        // The host hangs up on Ann: Twilio's REST API is told (Status=completed, Basic auth) and her stream closes.
        await studio.Engine.HangUpAsync(annLine);
        Assert.Equal(SimulatedCallEnd.StudioClosed, await ann.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
        await Poll.AssertUntilAsync(() => studio.Twilio.Requests.Any(r => r.Path.Contains(ann.CallSid, StringComparison.Ordinal)), "the REST hang-up was sent");
        var request = studio.Twilio.Requests.Single(r => r.Path.Contains(ann.CallSid, StringComparison.Ordinal));
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/2010-04-01/Accounts/{PhoneStudioFixture.AccountSid}/Calls/{ann.CallSid}.json", request.Path);
        Assert.Contains("Status=completed", request.Body, StringComparison.Ordinal);
        var auth = AuthenticationHeaderValue.Parse(request.Authorization!);
        Assert.Equal("Basic", auth.Scheme);
        Assert.Equal($"{PhoneStudioFixture.AccountSid}:{PhoneStudioFixture.AuthToken}", Encoding.UTF8.GetString(Convert.FromBase64String(auth.Parameter!)));
        Assert.DoesNotContain(studio.Twilio.Requests, r => r.Path.Contains(bob.CallSid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DropWaitingCaller_EndsTheCallAtTwilioAndClosesTheStream()
    {
        var (carol, carolLine) = await studio.CallInAsync("+14155550113");

        await studio.Engine.DropCallAsync(carolLine);

        Assert.Equal(SimulatedCallEnd.StudioClosed, await carol.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
        await Poll.AssertUntilAsync(() => studio.Twilio.Requests.Any(r => r.Path.Contains(carol.CallSid, StringComparison.Ordinal)), "the REST hang-up was sent");
    }

    [Fact]
    public async Task OutboundFrames_AreWhole20msFrames_NeverAheadOfRealTime()
    {
        // The pacing target (50/s ± 2 %) is measured by the load runner (docs/performance.md); here, under any
        // load, the studio must never send a caller more audio than has played, beyond its 100 ms queue.
        var (dan, danLine) = await studio.CallInAsync("+14155550114");
        await Poll.AssertUntilAsync(() => dan.ReceivedFrames().Length >= 60, "frames keep coming", TimeSpan.FromSeconds(30));

        var frames = dan.ReceivedFrames();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(frames[0].ArrivalTimestamp, frames[^1].ArrivalTimestamp);
        Assert.All(frames, f => Assert.Equal(160, f.PayloadLength));
        Assert.True(frames.Length <= (elapsed.TotalMilliseconds / 20) + 6, $"{frames.Length} frames in {elapsed.TotalMilliseconds:0} ms");
        await studio.Engine.DropCallAsync(danLine);
    }

    [Fact]
    public async Task MarksRoundTrip_AndClearDropsQueuedAudio()
    {
        var (erin, erinLine) = await studio.CallInAsync("+14155550115");
        var session = studio.Phones.FindLine(erinLine)!.Session!;

        session.SendMark("turn-1");
        await Poll.AssertUntilAsync(() => session.Stats.MarksAcked == 1, "the caller echoes the mark once the audio before it has played");
        Assert.True(session.Stats.LastMarkRoundTrip > TimeSpan.Zero);

        session.SendMark("turn-2");
        session.Clear();
        await Poll.AssertUntilAsync(() => erin.Clears == 1, "the caller receives clear");
        await Poll.AssertUntilAsync(() => session.Stats.MarksAcked == 2, "a clear plays out pending marks at once");
        await studio.Engine.DropCallAsync(erinLine);
    }

    private static float[] Tone(double frequency, int rate, double seconds) =>
        [.. Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * frequency * i / rate)))];
}

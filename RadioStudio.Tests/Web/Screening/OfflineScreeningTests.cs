using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Studio;
using RadioStudio.Tests.Support;
using RadioStudio.Web.Telephony;

namespace RadioStudio.Tests.Web.Screening;

/// <summary>
/// No keys at all: the console's test caller rings in, the offline screener greets it in the offline voice, the
/// caller answers with its scripted name and topic, and each answer is a playable clip on the card (offline
/// recognition of a phone line is rough; the clip is what the screener and host rely on).
/// </summary>
public sealed class OfflineScreeningTests
{
    [Fact]
    public async Task TestCall_NoProviders_GreetingPlaysAndTheAnswersArePlayableClips()
    {
        await using var factory = new StudioWebFactory(new Dictionary<string, string?>
        {
            ["Screening:Enabled"] = "true",
            ["Screening:AnswerWaitSeconds"] = "8",
            ["Audio:PhoneEventSounds"] = "false",
        });
        factory.StartKestrel();
        var engine = factory.Services.GetRequiredService<StudioEngine>();
        await engine.SetOnAirAsync(true);
        var calls = factory.Services.GetRequiredService<TestCallService>();

        var call = await calls.PlaceAsync();

        Assert.Null(call.RefusedWith);
        var state = await engine.WaitForAsync(
            s => s.Lines.Find(l => l.CallSid == call.CallSid)?.Screening?.Lines.Count(l => !l.FromScreener && l.ClipId is not null) >= 2,
            TimeSpan.FromSeconds(90));
        var line = state.Lines.Single(l => l.CallSid == call.CallSid);
        Assert.StartsWith("Thanks for calling", line.Screening!.Lines[0].Text, StringComparison.Ordinal);
        Assert.True(call.Answerer!.Answered >= 2, "the caller heard the screener's questions and answered them");

        using var http = factory.CreateClient();
        foreach (var answer in line.Screening.Lines.Where(l => !l.FromScreener).Take(2))
        {
            var bytes = await http.GetByteArrayAsync($"/screening/clips/{answer.ClipId}.wav");
            var clip = WavReader.Read(new MemoryStream(bytes));
            var rms = Math.Sqrt(clip.Samples.Sum(s => (double)s * s) / clip.Samples.Length);
            Assert.True(clip.Samples.Length > clip.SampleRate / 2, $"the clip holds the answer ({clip.Samples.Length} samples)");
            Assert.True(rms > 0.01, $"the clip is the caller's voice, not silence (RMS {rms:F4})");
        }
    }
}

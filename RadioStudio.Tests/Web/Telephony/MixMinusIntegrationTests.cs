using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Tests.Engine.Audio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Telephony;

/// <summary>
/// The "done when": two simulated callers on air, over the real webhook + Media Streams protocol,
/// hear each other and the host but never themselves. Each party speaks its own tone, so what every caller
/// received can be taken apart with Goertzel filters.
/// </summary>
public sealed class MixMinusIntegrationTests(PhoneStudioFixture studio) : IClassFixture<PhoneStudioFixture>
{
    private const double AnnHz = 440;
    private const double BobHz = 1_000;
    private const double HostHz = 1_500;

    [Fact]
    public async Task TwoCallersOnAir_HearEachOtherAndTheHost_NeverThemselves()
    {
        var (ann, annLine) = await studio.CallInAsync("+14155550121", DspTestHelpers.Sine(8_000, AnnHz, 8_000, amplitude: 0.3));
        var (bob, bobLine) = await studio.CallInAsync("+14155550122", DspTestHelpers.Sine(8_000, BobHz, 8_000, amplitude: 0.3));
        _ = studio.Audio.HostMic.Play(new LoopingTone(HostHz, 0.3f));
        try
        {
            await studio.Engine.TakeCallAsync(annLine);
            await studio.Engine.TakeCallAsync(bobLine);

            // The phone system applies the take from the pushed state; count from when both are in the mix.
            await Poll.AssertUntilAsync(() => studio.Phones.FindLine(annLine)!.OnAir && studio.Phones.FindLine(bobLine)!.OnAir, "both callers are in the mix");
            var annFrom = ann.ReceivedFrames().Length;
            var bobFrom = bob.ReceivedFrames().Length;

            // A second and a half on air: skip the first half second (jitter priming, filter warm-up), analyse one second.
            await Poll.AssertUntilAsync(
                () => ann.ReceivedFrames().Length >= annFrom + 75 && bob.ReceivedFrames().Length >= bobFrom + 75, "both callers receive frames on air");
            var annHeard = Decode(ann.ReceivedAudio(), annFrom + 25);
            var bobHeard = Decode(bob.ReceivedAudio(), bobFrom + 25);

            // Levels per 100 ms window: the median says what the caller hears (a loaded CI machine may
            // underrun a jitter buffer for a window), the loudest window says whether they ever hear themselves.
            Assert.Equal(0.3, Median(annHeard, BobHz), 0.04);
            Assert.Equal(0.3, Median(annHeard, HostHz), 0.04);
            Assert.True(Loudest(annHeard, AnnHz) < 0.003, $"Ann hears herself at {Loudest(annHeard, AnnHz):F4}");

            Assert.Equal(0.3, Median(bobHeard, AnnHz), 0.04);
            Assert.Equal(0.3, Median(bobHeard, HostHz), 0.04);
            Assert.True(Loudest(bobHeard, BobHz) < 0.003, $"Bob hears himself at {Loudest(bobHeard, BobHz):F4}");
        }
        finally
        {
            studio.Audio.HostMic.Stop();
            await ann.HangUpAsync();
            await bob.HangUpAsync();
        }
    }

    private static double[] Windows(float[] heard, double frequency) =>
        [.. Enumerable.Range(0, heard.Length / 800).Select(w => DspTestHelpers.GoertzelAmplitude(heard.AsSpan(w * 800, 800), frequency, 8_000)).Order()];

    private static double Median(float[] heard, double frequency) => Windows(heard, frequency)[5];

    private static double Loudest(float[] heard, double frequency) => Windows(heard, frequency)[^1];

    private static float[] Decode(byte[] mulaw, int fromFrame) =>
        [.. mulaw.Skip(fromFrame * 160).Take(8_000).Select(b => MuLaw.Decode(b) / 32768f)];

    private sealed class LoopingTone(double frequency, float amplitude) : IAudioSource
    {
        private long _n;

        public AudioFormat Format => AudioFormat.Studio;

        public int Read(Span<float> buffer)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = amplitude * (float)Math.Sin(2 * Math.PI * frequency * _n++ / AudioFormat.Studio.SampleRate);
            }

            return buffer.Length;
        }
    }
}

using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;

namespace RadioStudio.Tests.Engine.Telephony;

public sealed class ScreeningAnswererTests
{
    private static readonly StreamCodec Codec = StreamCodec.Pcmu;

    [Fact]
    public void OnReceived_ScreenerSpeaksThenFallsQuiet_AnswersInOrderOncePerQuestion()
    {
        var name = Tone(0.4f, 0.1);
        var topic = Tone(0.2f, 0.06);
        var answerer = new ScreeningAnswerer([name, topic], Codec) { QuietAfter = TimeSpan.FromMilliseconds(100) };
        var frame = new byte[Codec.FrameBytes];

        Hear(answerer, level: 0.01f, frames: 20); // ducked hold music alone: no question yet
        Assert.False(answerer.TryFill(frame));

        Hear(answerer, level: 0.3f, frames: 10); // the screener asks
        Hear(answerer, level: 0.01f, frames: 4);
        Assert.False(answerer.TryFill(frame));
        Hear(answerer, level: 0.01f, frames: 1); // 100 ms of quiet: the caller answers
        Assert.Equal(1, answerer.Answered);

        var spoken = Spoken(answerer);
        Assert.Equal(800, spoken.Length); // 0.1 s, five whole frames
        Assert.InRange(Rms(spoken), 0.25, 0.32); // the 0.4 sine

        Hear(answerer, level: 0.01f, frames: 20); // quiet with no new question: no second answer
        Assert.Equal(1, answerer.Answered);

        Hear(answerer, level: 0.3f, frames: 10);
        Hear(answerer, level: 0.01f, frames: 5);
        Assert.Equal(2, answerer.Answered);
        Assert.InRange(Rms(Spoken(answerer)), 0.12, 0.16);

        Hear(answerer, level: 0.3f, frames: 10);
        Hear(answerer, level: 0.01f, frames: 5);
        Assert.Equal(2, answerer.Answered); // out of answers
    }

    private static void Hear(ScreeningAnswerer answerer, float level, int frames)
    {
        var payload = new byte[Codec.FrameBytes];
        Codec.Encode(Tone(level, 0.02), payload);
        for (var i = 0; i < frames; i++)
        {
            answerer.OnReceived(payload);
        }
    }

    private static float[] Spoken(ScreeningAnswerer answerer)
    {
        var all = new List<float>();
        var frame = new byte[Codec.FrameBytes];
        var samples = new float[Codec.FrameSamples];
        while (answerer.TryFill(frame))
        {
            Codec.Decode(frame, samples);
            all.AddRange(samples);
        }

        return [.. all];
    }

    private static float[] Tone(float amplitude, double seconds) =>
        [.. Enumerable.Range(0, (int)(8000 * seconds)).Select(n => amplitude * (float)Math.Sin(2 * Math.PI * 440 * n / 8000))];

    private static double Rms(float[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));
}

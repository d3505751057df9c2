using RadioStudio.Engine.Screening;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Tests.Engine.Screening;

public sealed class ScreenerLineAudioTests
{
    private static readonly StreamCodec Codec = StreamCodec.Pcmu;

    [Fact]
    public void Overlay_VoiceQueued_CallerHearsItOverSilentHold()
    {
        var audio = new ScreenerLineAudio(Codec, -30, TimeSpan.Zero);
        audio.Append(Tone(0.5f, 8000, 0.1), 8000);

        var level = Rms(Frame(audio, hold: 0f));

        Assert.InRange(level, 0.3, 0.4); // a 0.5 sine: RMS 0.354
        Assert.Equal(160, audio.VoiceSamplesPlayed);
    }

    [Fact]
    public void Overlay_Ducked_HoldMusicFadesToTheDuckLevelAndComesBack()
    {
        var audio = new ScreenerLineAudio(Codec, -30, TimeSpan.Zero) { Ducked = true };
        double level = 1;
        for (var i = 0; i < 20; i++)
        {
            level = Rms(Frame(audio, hold: 0.25f));
        }

        Assert.InRange(level, 0.25 * 0.02, 0.25 * 0.05); // −30 dB ≈ 0.0316

        audio.Ducked = false;
        for (var i = 0; i < 20; i++)
        {
            level = Rms(Frame(audio, hold: 0.25f));
        }

        Assert.InRange(level, 0.24, 0.26);
    }

    [Fact]
    public void Cut_MidSentence_NoVoiceFromTheNextBlockAndNoneAppendedAfter()
    {
        var audio = new ScreenerLineAudio(Codec, -30, TimeSpan.Zero);
        audio.Append(Tone(0.5f, 8000, 2), 8000);
        Assert.True(Rms(Frame(audio, hold: 0f)) > 0.3);

        audio.Cut();
        audio.Append(Tone(0.5f, 8000, 1), 8000);

        Assert.Equal(0, Rms(Frame(audio, hold: 0f)), 3);
        Assert.Equal(0, Rms(Frame(audio, hold: 0f)), 3);
        Assert.Equal(160, audio.VoiceSamplesPlayed);
    }

    [Fact]
    public void Hear_WhileSpeakingAndForTheEchoTail_CallerAudioNotKept()
    {
        var audio = new ScreenerLineAudio(Codec, -30, TimeSpan.FromMilliseconds(100));
        var block = Tone(0.3f, 48000, 0.02);
        audio.Append(Tone(0.5f, 8000, 0.04), 8000);

        for (var i = 0; i < 2; i++)
        {
            Frame(audio, hold: 0f);
            audio.Hear(block);
        }

        // 100 ms of tail = five frames after the voice's last: four of them still gated.
        for (var i = 0; i < 4; i++)
        {
            Frame(audio, hold: 0f);
            audio.Hear(block);
        }

        Assert.Equal(0, audio.HeardAvailable);

        Frame(audio, hold: 0f);
        audio.Hear(block);
        Assert.Equal(960, audio.HeardAvailable);
    }

    private static float[] Frame(ScreenerLineAudio audio, float hold)
    {
        var samples = Enumerable.Repeat(hold, Codec.FrameSamples).Select((v, i) => i % 2 == 0 ? v : -v).ToArray();
        var frame = new byte[Codec.FrameBytes];
        Codec.Encode(samples, frame);
        audio.Overlay(frame);
        var heard = new float[Codec.FrameSamples];
        Codec.Decode(frame, heard);
        return heard;
    }

    private static float[] Tone(float amplitude, int rate, double seconds) =>
        [.. Enumerable.Range(0, (int)(rate * seconds)).Select(n => amplitude * (float)Math.Sin(2 * Math.PI * 440 * n / rate))];

    private static double Rms(float[] samples) => Math.Sqrt(samples.Average(s => (double)s * s));
}

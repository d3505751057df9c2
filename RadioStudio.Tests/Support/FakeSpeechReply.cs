namespace RadioStudio.Tests.Support;

/// <summary>How the fake answers one speech request: raw PCM16 mono at 24 kHz, streamed in 100 ms chunks.</summary>
public sealed record FakeSpeechReply(byte[] Pcm16, TimeSpan FirstAudioDelay, int Status = 200)
{
    /// <summary>When set, the fake sends the first chunk, then waits for this before sending the rest (proves streaming).</summary>
    public Task? HoldAfterFirstChunk { get; init; }

    /// <summary>A 440 Hz tone at −12 dBFS, 60 ms per character of <paramref name="text"/> (capped at 10 s).</summary>
    public static FakeSpeechReply ToneFor(string text, TimeSpan firstAudio = default)
    {
        var seconds = Math.Clamp(text.Length * 0.06, 0.2, 10);
        var samples = (int)(seconds * FakeOpenAiServer.SpeechSampleRate);
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(0.25 * short.MaxValue * Math.Sin(2 * Math.PI * 440 * i / FakeOpenAiServer.SpeechSampleRate));
            pcm[2 * i] = (byte)value;
            pcm[(2 * i) + 1] = (byte)(value >> 8);
        }

        return new FakeSpeechReply(pcm, firstAudio);
    }
}

using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Show.Turns;

namespace RadioStudio.Tests.Engine.Show.Turns;

public class SpeechPlayoutTests
{
    private static readonly int Block = AudioFormat.Studio.BlockSamples;

    [Fact]
    public void Read_BeforeComplete_PadsGapsWithSilenceAndKeepsPlaying()
    {
        var playout = new SpeechPlayout();
        playout.Append(Ramp(Block / 2), AudioFormat.Studio.SampleRate);
        var buffer = new float[Block];

        Assert.Equal(Block, playout.Read(buffer));
        Assert.Equal(1f, buffer[(Block / 2) - 1]);
        Assert.All(buffer[(Block / 2)..], s => Assert.Equal(0f, s));
        Assert.Equal(Block, playout.Read(buffer));
        Assert.Equal(Block / 2, playout.SamplesPlayed);
    }

    [Fact]
    public void Read_AfterCompleteAndDrained_EndsWithAShortRead()
    {
        var playout = new SpeechPlayout();
        playout.Append(Ramp(Block + 10), AudioFormat.Studio.SampleRate);
        playout.Complete();
        var buffer = new float[Block];

        Assert.Equal(Block, playout.Read(buffer));
        Assert.Equal(10, playout.Read(buffer));
        Assert.Equal(0, playout.Read(buffer));
    }

    [Fact]
    public void Append_AtTtsRate_IsResampledToTheStudioRate()
    {
        var playout = new SpeechPlayout();
        playout.Append(new float[24_000], 24_000);
        playout.Append(new float[24_000], 24_000);

        // Two seconds at 24 kHz are two seconds at 48 kHz, less the resampler's start-up delay.
        Assert.InRange(playout.SamplesAppended, 95_800, 96_000);
    }

    [Fact]
    public void HeardText_AfterBargeInMidSentence_KeepsWholeSentencesAndTheHeardShareOfTheCutOne()
    {
        var playout = new SpeechPlayout();
        playout.Append(new float[4800], AudioFormat.Studio.SampleRate);
        playout.EndSentence("I saw it too.");
        playout.Append(new float[4800], AudioFormat.Studio.SampleRate);
        playout.EndSentence("It was right over the water tower, honest to God.");
        var buffer = new float[4800 + 2400];

        playout.Read(buffer);

        Assert.Equal("I saw it too. It was right over the—", playout.HeardText());
    }

    [Fact]
    public async Task CloseReadAlong_SentencesPlayedBeforeTheyWereReported_StillComeOneByOne()
    {
        var playout = new SpeechPlayout();
        playout.Append(Ramp(Block), AudioFormat.Studio.SampleRate);
        playout.EndSentence("First sentence.");
        playout.Append(Ramp(Block), AudioFormat.Studio.SampleRate);
        playout.EndSentence("Second sentence.");
        playout.Append(Ramp(Block), AudioFormat.Studio.SampleRate);
        playout.EndSentence("Third, cut off before its end.");
        var buffer = new float[Block];

        // Both boundaries pass in one go (a busy machine: the report has not run yet), then the turn ends mid-sentence.
        Assert.Equal(Block, playout.Read(buffer));
        Assert.Equal(Block, playout.Read(buffer));
        Assert.Equal(Block / 2, playout.Read(new float[Block / 2]));
        playout.CloseReadAlong();

        var heard = new List<string>();
        await foreach (var sentence in playout.HeardSentences.ReadAllAsync())
        {
            heard.Add(sentence);
        }

        Assert.Equal("First sentence.", heard[0]);
        Assert.Equal("Second sentence.", heard[1]);
        Assert.Equal(3, heard.Count);
        Assert.EndsWith("—", heard[2], StringComparison.Ordinal);
    }

    [Fact]
    public void HeardText_NothingPlayed_IsEmpty()
    {
        var playout = new SpeechPlayout();
        playout.Append(new float[4800], AudioFormat.Studio.SampleRate);
        playout.EndSentence("Hello there.");

        Assert.Equal("", playout.HeardText());
    }

    [Fact]
    public async Task FirstAudioOnAir_RaisedOnceWhenAudioIsFirstRead()
    {
        var playout = new SpeechPlayout();
        var raised = 0;
        var first = new TaskCompletionSource();
        playout.FirstAudioOnAir += () => { Interlocked.Increment(ref raised); first.TrySetResult(); };
        var buffer = new float[Block];

        playout.Read(buffer);
        Assert.Equal(0, Volatile.Read(ref raised));
        playout.Append(Ramp(Block * 3), AudioFormat.Studio.SampleRate);
        playout.Read(buffer);
        playout.Read(buffer);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, Volatile.Read(ref raised));
    }

    private static float[] Ramp(int count)
    {
        var samples = new float[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (i + 1f) / (count / 2f) > 1f ? 1f : (i + 1f) / (count / 2f);
        }

        return samples;
    }
}

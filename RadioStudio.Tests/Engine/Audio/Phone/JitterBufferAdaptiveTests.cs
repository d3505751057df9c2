using RadioStudio.Engine.Audio.Phone;
using static RadioStudio.Tests.Engine.Audio.Phone.JitterScenario;

namespace RadioStudio.Tests.Engine.Audio.Phone;

/// <summary>The adaptive rules of <see cref="JitterBuffer"/>: grow on repeated underruns, shrink and drain slowly.</summary>
public sealed class JitterBufferAdaptiveTests
{
    private readonly JitterScenario _s = new(new JitterBuffer(FrameSize));

    [Fact]
    public void Read_SecondUnderrunWithinWindow_TargetGrowsByOneFrame()
    {
        TwoStalls();

        // After the second underrun (read 27) it primes three frames: silence through read 32.
        Assert.Equal([.. Silence(2), .. Run(0, 10), .. Silence(5), .. Run(10, 10), .. Silence(6), .. Run(20, 7)], _s.Played);
        Assert.Equal(3, _s.Buffer.TargetFrames);
        Assert.Equal(2, _s.Buffer.Stats.Underruns);
    }

    [Fact]
    public void Read_LongStableRunAfterGrowth_TargetShrinksThenOneFrameIsSkipped()
    {
        TwoStalls();
        _s.Steady(30, 1560);

        // Ten stalled ticks put sequences 10 behind reads: 3 frames of delay is t - 13. After the shrink the
        // surplus frame is skipped once it has sat unused for a second.
        const int TrimRead = 27 + JitterTarget.StableReadsToShrink + JitterTarget.SurplusReadsToTrim - 1;
        var expected = Enumerable.Range(33, 1600 - 33).Select(t => (long)(t <= TrimRead ? t - 13 : t - 12));
        Assert.Equal(expected, _s.Played.Skip(33));
        Assert.Equal(2, _s.Buffer.TargetFrames);
        Assert.Equal(new JitterBufferStats(0, 0, Underruns: 2, 0, Trimmed: 1), _s.Buffer.Stats);
    }

    [Fact]
    public void Read_BurstThenSteadyStream_SurplusDrainsOneFramePerSecond()
    {
        _s.Push([.. Run(0, 10)]);
        _s.Steady(10, 500);

        // Nine frames queued after each read drain to the steady one, a 20 ms skip every 50 reads.
        var played = _s.Played;
        var skips = Enumerable.Range(1, played.Count - 1).Where(t => played[t] != played[t - 1] + 1).ToArray();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => i * JitterTarget.SurplusReadsToTrim), skips);

        // Frame 508 is the newest before the last read; the steady state keeps one frame queued after a read.
        Assert.Equal(508 - 1, played[^1]);
        Assert.Equal(new JitterBufferStats(0, 0, 0, 0, Trimmed: 8), _s.Buffer.Stats);
        Assert.Equal(2, _s.Buffer.TargetFrames);
    }

    [Fact]
    public void Read_ManyUnderruns_TargetCappedAtSix()
    {
        for (var i = 0; i < 20; i++)
        {
            _s.Steady(i * 10, 10);
            _s.Stall(8);
        }

        Assert.Equal(JitterTarget.MaxTargetFrames, _s.Buffer.TargetFrames);
    }

    // Underruns at reads 12 and 27, well inside one growth window.
    private void TwoStalls()
    {
        _s.Steady(0, 10);
        _s.Stall(5);
        _s.Steady(10, 10);
        _s.Stall(5);
        _s.Steady(20, 10);
    }
}

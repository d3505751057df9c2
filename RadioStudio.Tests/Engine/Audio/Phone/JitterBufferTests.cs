using RadioStudio.Engine.Audio.Phone;
using static RadioStudio.Tests.Engine.Audio.Phone.JitterScenario;

namespace RadioStudio.Tests.Engine.Audio.Phone;

public sealed class JitterBufferTests
{
    private readonly JitterScenario _s = new(new JitterBuffer(JitterScenario.FrameSize));

    [Fact]
    public void Read_SteadyStream_OutputIsInputDelayedByTarget()
    {
        _s.Steady(0, 50);

        Assert.Equal([.. Silence(2), .. Run(0, 48)], _s.Played);
        Assert.Equal(default, _s.Buffer.Stats);
        Assert.Equal(2, _s.Buffer.TargetFrames);
    }

    [Fact]
    public void Push_ReorderedPair_PlayedInOrderNothingLost()
    {
        _s.Steady(0, 5);
        _s.Tick();
        _s.Tick(6, 5);
        _s.Steady(7, 10);

        Assert.Equal([.. Silence(2), .. Run(0, 15)], _s.Played);
        Assert.Equal(default, _s.Buffer.Stats);
    }

    [Fact]
    public void Push_ReorderedWhilePriming_StartsAtEarliest()
    {
        _s.Push(1, 0);
        _s.Steady(2, 5);

        Assert.Equal(Run(0, 5), _s.Played);
        Assert.Equal(default, _s.Buffer.Stats);
    }

    [Fact]
    public void Push_FrameAfterItsSlotPlayed_DroppedAndCountedSilenceInItsSlot()
    {
        _s.Steady(0, 5);
        _s.Tick();
        _s.Tick(6);
        _s.Tick(7);
        _s.Tick(8, 5);
        _s.Steady(9, 5);

        Assert.Equal([.. Silence(2), .. Run(0, 5), -1, .. Run(6, 6)], _s.Played);
        Assert.Equal(new JitterBufferStats(LateDropped: 1, Lost: 1, 0, 0, 0), _s.Buffer.Stats);
    }

    [Fact]
    public void Read_LostFrame_SilenceInItsSlotCounted()
    {
        _s.Steady(0, 5);
        _s.Tick();
        _s.Steady(6, 8);

        Assert.Equal([.. Silence(2), .. Run(0, 5), -1, .. Run(6, 6)], _s.Played);
        Assert.Equal(new JitterBufferStats(0, Lost: 1, 0, 0, 0), _s.Buffer.Stats);
    }

    [Fact]
    public void Push_BurstOfTwenty_KeepsNewestTenCountsOverflows()
    {
        _s.Push([.. Run(0, 20)]);
        Assert.Equal(20, _s.Buffer.BufferedFrames); // arrived, not yet taken in by the audio thread

        // The next read takes them in (the oldest ten make room for the newest), then plays the first kept.
        _s.Tick();
        Assert.Equal(JitterBuffer.DefaultMaxFrames - 1, _s.Buffer.BufferedFrames);
        Assert.Equal(10, _s.Buffer.Stats.Overflows);

        _s.Stall(11);
        Assert.Equal([.. Run(10, 10), -1, -1], _s.Played);
        Assert.Equal(new JitterBufferStats(0, 0, Underruns: 1, Overflows: 10, 0), _s.Buffer.Stats);
    }

    [Fact]
    public void Read_ProducerStall_UnderrunRePrimesThenResumesExactly()
    {
        _s.Steady(0, 10);
        _s.Stall(5);
        _s.Steady(10, 10);

        // Reads 12–16: the underrun, two stalled ticks, then priming two frames again.
        Assert.Equal([.. Silence(2), .. Run(0, 10), .. Silence(5), .. Run(10, 8)], _s.Played);
        Assert.Equal(new JitterBufferStats(0, 0, Underruns: 1, 0, 0), _s.Buffer.Stats);
        Assert.Equal(2, _s.Buffer.TargetFrames);
    }

    [Fact]
    public void Push_Duplicate_DroppedAndCountedAsLate()
    {
        _s.Push(0, 0, 1);
        _s.Stall(3);

        Assert.Equal([0, 1, -1], _s.Played);
        Assert.Equal(new JitterBufferStats(LateDropped: 1, 0, Underruns: 1, 0, 0), _s.Buffer.Stats);
    }

    [Fact]
    public void Push_MoreThanTheArrivalRingHoldsBetweenReads_NewestDroppedAndCounted()
    {
        var capacity = _s.Buffer.ArrivalCapacity;
        _s.Push([.. Run(0, capacity + 5)]);

        Assert.Equal(5, _s.Buffer.Stats.Overflows);
        Assert.Equal(capacity, _s.Buffer.BufferedFrames);
        _s.Tick();
        Assert.Equal(capacity - JitterBuffer.DefaultMaxFrames, _s.Buffer.Stats.Overflows - 5);
        Assert.Equal(capacity - JitterBuffer.DefaultMaxFrames, _s.Played[0]);
    }

    [Fact]
    public void PushAndRead_AllocateNothing()
    {
        _s.Steady(0, 10);
        var frame = Frame(10);
        var block = new float[FrameSize];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 10; k < 1_010; k++)
        {
            _s.Buffer.Push(k, frame);
            _s.Buffer.Read(block);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task PushAndRead_ConcurrentThreads_EveryFrameExactInOrderAndAccountedFor()
    {
        const int Count = 10_000;
        var frames = Enumerable.Range(0, Count).Select(k => Frame(k)).ToArray();
        var buffer = new JitterBuffer(FrameSize);
        var producer = Task.Run(() =>
        {
            for (var k = 0; k < Count; k++)
            {
                buffer.Push(k, frames[k]);
            }
        });

        // No timing: the consumer reads as fast as it can while the producer runs, then drains what it can.
        var block = new float[FrameSize];
        long played = 0, last = -1;
        for (var extra = 0; extra < JitterBuffer.DefaultMaxFrames + 2; extra += producer.IsCompleted ? 1 : 0)
        {
            buffer.Read(block);
            if (block[0] != 0f)
            {
                var sequence = ((long)block[0] / 1000) - 1;
                Assert.Equal(frames[sequence], block);
                Assert.True(sequence > last, $"{sequence} after {last}");
                (last, played) = (sequence, played + 1);
            }
        }

        await producer;
        var stats = buffer.Stats;
        Assert.Equal(Count, played + stats.LateDropped + stats.Overflows + stats.Trimmed + buffer.BufferedFrames);
        Assert.Equal(0, stats.LateDropped);
    }
}

using RadioStudio.Engine.Audio.Devices;

namespace RadioStudio.Tests.Engine.Audio.Devices;

public class PlayoutTests
{
    private readonly BlockRing _ring = new(4, 10);
    private readonly float[] _block = new float[4];

    private void Push(params float[] values)
    {
        foreach (var value in values)
        {
            _ring.BeginWrite().Fill(value);
            _ring.EndWrite();
        }
    }

    [Fact]
    public void Next_WaitsForTheCushionBeforeTheFirstBlock_WithoutCountingUnderruns()
    {
        var playout = new Playout(_ring);
        Push(1, 2);

        Assert.False(playout.Next(_block));
        Assert.All(_block, v => Assert.Equal(0f, v));
        Push(3);
        Assert.True(playout.Next(_block));
        Assert.Equal(1f, _block[0]);
        Assert.Equal(0, playout.Underruns);
        Assert.Equal(0, playout.Inserted);
        Assert.Equal(1, playout.Played);
    }

    [Fact]
    public void Next_EmptyRing_CountsAnUnderrunAndRebuildsTheCushionWithSilence()
    {
        var playout = new Playout(_ring);
        Push(1, 2, 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(playout.Next(_block));
        }

        Assert.False(playout.Next(_block));
        Assert.Equal(1, playout.Underruns);
        Push(4);
        Assert.False(playout.Next(_block)); // rebuilding: one block is not yet the cushion
        Push(5, 6);
        Assert.True(playout.Next(_block));
        Assert.Equal(4f, _block[0]);
        Assert.Equal(1, playout.Underruns);
        Assert.Equal(2, playout.Inserted);
        Assert.Equal(4, playout.Played);
    }

    [Fact]
    public void Next_RingStaysFullerThanTheCushionForAWindow_DropsTheSurplus()
    {
        var playout = new Playout(_ring, targetBlocks: 3, windowBlocks: 50);
        Push(0, 0, 0, 0, 0, 0, 0);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(playout.Next(_block));
            Push(0); // studio keeps pace: 6 stay queued after every read (120 ms instead of 40)
        }

        Assert.Equal(4, playout.DriftDrops);
        Assert.Equal(3, _ring.Count); // 2 after the drop, plus the push after the last read
        Assert.Equal(0, playout.Underruns);
    }

    [Fact]
    public void Next_RingAtTheCushion_DropsNothing()
    {
        var playout = new Playout(_ring, targetBlocks: 3, windowBlocks: 50);
        Push(0, 0, 0);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(playout.Next(_block));
            Push(0);
        }

        Assert.Equal(0, playout.DriftDrops);
        Assert.Equal(0, playout.Underruns);
    }
}

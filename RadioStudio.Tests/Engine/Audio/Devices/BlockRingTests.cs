using RadioStudio.Engine.Audio.Devices;

namespace RadioStudio.Tests.Engine.Audio.Devices;

public class BlockRingTests
{
    private static void Push(BlockRing ring, float value)
    {
        ring.BeginWrite().Fill(value);
        ring.EndWrite();
    }

    [Fact]
    public void BeginWrite_WhenFull_DropsTheOldestAndCountsOverruns()
    {
        var ring = new BlockRing(4, 10);
        for (var i = 0; i < 12; i++)
        {
            Push(ring, i);
        }

        Assert.Equal(2, ring.Overruns);
        Assert.Equal(10, ring.Count);
        var block = new float[4];
        Assert.True(ring.TryRead(block));
        Assert.All(block, v => Assert.Equal(2f, v));
    }

    [Fact]
    public void TryRead_Empty_ReturnsFalse()
    {
        var ring = new BlockRing(4, 3);
        Assert.False(ring.TryRead(new float[4]));
        Push(ring, 7);
        var block = new float[4];
        Assert.True(ring.TryRead(block));
        Assert.Equal(7f, block[3]);
        Assert.False(ring.TryRead(block));
        Assert.Equal(0, ring.Overruns);
    }

    [Fact]
    public void ProducerAndConsumerOnTwoThreads_NoBlockIsTornAndOrderHolds()
    {
        var ring = new BlockRing(960, 4);
        const int blocks = 20_000;
        var producer = new Thread(() =>
        {
            for (var i = 1; i <= blocks; i++)
            {
                Push(ring, i);
            }
        });
        producer.Start();
        var block = new float[960];
        var last = 0f;
        var read = 0;
        while (producer.IsAlive || ring.Count > 0)
        {
            if (!ring.TryRead(block))
            {
                continue;
            }

            read++;
            Assert.True(block[0] > last, $"block {block[0]} after {last}");
            Assert.All(block, v => Assert.Equal(block[0], v));
            last = block[0];
        }

        producer.Join();
        Assert.Equal(blocks, read + ring.Overruns);
    }
}

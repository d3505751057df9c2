using RadioStudio.Engine.Audio.Media;

namespace RadioStudio.Tests.Engine.Audio.Media;

public sealed class SampleRingTests
{
    [Fact]
    public void WriteRead_OddChunksAcrossManyWraps_SamplesComeOutInOrder()
    {
        var ring = new SampleRing(1000);
        var next = 0f;
        var expected = 0f;
        var chunk = new float[337];
        var output = new float[251];
        for (var round = 0; round < 200; round++)
        {
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = next + i;
            }

            var written = ring.Write(chunk);
            next += written;
            Assert.True(ring.Count <= ring.Capacity);
            var read = ring.Read(output);
            for (var i = 0; i < read; i++)
            {
                Assert.Equal(expected++, output[i]);
            }
        }

        Assert.True(ring.TotalWritten > 10 * ring.Capacity);
        Assert.Equal(ring.TotalWritten - ring.TotalRead, ring.Count);
    }

    [Fact]
    public void Write_Full_TakesOnlyWhatFits()
    {
        var ring = new SampleRing(10);

        Assert.Equal(10, ring.Write(new float[15]));
        Assert.Equal(0, ring.Write(new float[1]));
        Assert.Equal(4, ring.Read(new float[4]));
        Assert.Equal(4, ring.Write(new float[9]));
        Assert.Equal(10, ring.Count);
    }

    [Fact]
    public async Task ProducerAndConsumerThreads_EverySampleOnceInOrder()
    {
        var ring = new SampleRing(64);
        const int Total = 200_000;
        var producer = Task.Run(() =>
        {
            var value = 0;
            var one = new float[7];
            while (value < Total)
            {
                var count = Math.Min(one.Length, Total - value);
                for (var i = 0; i < count; i++)
                {
                    one[i] = value + i;
                }

                var written = ring.Write(one.AsSpan(0, count));
                value += written;
                if (written == 0)
                {
                    Thread.Yield();
                }
            }
        });

        var expected = 0;
        var buffer = new float[5];
        while (expected < Total)
        {
            var read = ring.Read(buffer);
            for (var i = 0; i < read; i++)
            {
                Assert.Equal(expected++, buffer[i]);
            }

            if (read == 0)
            {
                Thread.Yield();
            }
        }

        await producer;
    }
}

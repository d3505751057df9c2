using RadioStudio.Engine.Audio.Devices;

namespace RadioStudio.Tests.Engine.Audio.Devices;

public class CaptureFanoutTests
{
    private static float[] Ramp(int from, int count) => Enumerable.Range(from, count).Select(i => (float)i).ToArray();

    [Fact]
    public void Subscribe_TwoReaders_ReadTheSameAudioIndependently()
    {
        var fanout = new CaptureFanout();
        var a = fanout.Subscribe(prefillSamples: 0);
        var b = fanout.Subscribe(prefillSamples: 0);
        fanout.Push(Ramp(0, 960));

        var half = new float[480];
        var whole = new float[960];
        Assert.Equal(480, a.Read(half));
        Assert.Equal(Ramp(0, 480), half);
        Assert.Equal(960, b.Read(whole));
        Assert.Equal(Ramp(0, 960), whole);
        a.Read(half);
        Assert.Equal(Ramp(480, 480), half);

        fanout.Push(Ramp(960, 960));
        b.Read(whole);
        Assert.Equal(Ramp(960, 960), whole);
        Assert.Equal(0, ((ICaptureReader)a).Underruns);
        Assert.Equal(0, ((ICaptureReader)b).Underruns);
    }

    [Fact]
    public void Read_LessThanAskedFor_FillsWhatThereIsPadsSilenceAndCounts()
    {
        var fanout = new CaptureFanout();
        var reader = fanout.Subscribe(prefillSamples: 0);
        var block = new float[960];
        fanout.Push(Ramp(1, 960));
        reader.Read(block);

        fanout.Push(Ramp(1000, 500));
        Assert.Equal(960, reader.Read(block));

        Assert.Equal(Ramp(1000, 500), block[..500]);
        Assert.All(block[500..], v => Assert.Equal(0f, v));
        Assert.Equal(1, ((ICaptureReader)reader).Underruns);
    }

    [Fact]
    public void Read_BeforeThePrefillIsThere_PlaysSilenceWithoutConsuming()
    {
        var fanout = new CaptureFanout();
        var reader = fanout.Subscribe(prefillSamples: 960);
        var block = new float[960];
        fanout.Push(Ramp(1, 1000));

        reader.Read(block);
        Assert.All(block, v => Assert.Equal(0f, v));
        fanout.Push(Ramp(1001, 1000));
        reader.Read(block);
        Assert.Equal(Ramp(1, 960), block);
    }

    [Fact]
    public void Read_ReaderFellBehind_SkipsToTheNewestAudio()
    {
        var fanout = new CaptureFanout();
        var stalled = fanout.Subscribe(prefillSamples: 0);
        var live = fanout.Subscribe(prefillSamples: 0);
        var block = new float[960];
        for (var pushed = 0; pushed < 40_000; pushed += 1000)
        {
            fanout.Push(Ramp(pushed, 1000));
            live.Read(block);
        }

        stalled.Read(block);

        Assert.Equal(Ramp(40_000 - 960, 960), block);
        Assert.Equal(1, ((ICaptureReader)stalled).Skips);
        Assert.Equal(0, ((ICaptureReader)live).Skips);
    }

    [Theory]
    [InlineData(16_000)]
    [InlineData(44_100)]
    [InlineData(8_000)]
    public void Push_AtAnotherRate_ComesOutAt48kWithTheSameToneAndLevel(int rate)
    {
        var fanout = new CaptureFanout(rate);
        var reader = fanout.Subscribe(prefillSamples: 0);
        var input = DspTestHelpers.Sine(rate * 2, 1000, rate, amplitude: 0.5);
        var output = new List<float>();
        var block = new float[960];
        var chunk = rate / 50;
        for (var offset = 0; offset + chunk <= input.Length; offset += chunk)
        {
            fanout.Push(input.AsSpan(offset, chunk), rate);
            while (fanout.Written - output.Count >= 960 + 960)
            {
                reader.Read(block);
                output.AddRange(block);
            }
        }

        // 2 s in → about 96 000 samples out; measure 0.5 s (a whole number of 1 kHz cycles) well after the start.
        Assert.InRange(fanout.Written, 96_000 - 1000, 96_000 + 10);
        var steady = output.Skip(24_000).Take(24_000).ToArray();
        Assert.Equal(24_000, steady.Length);
        var level = DspTestHelpers.Db(DspTestHelpers.GoertzelAmplitude(steady, 1000, 48_000) / 0.5);
        Assert.InRange(level, -0.5, 0.5);

        // Right frequency: 1 kHz dominates its neighbours ±50 Hz, and the zero crossings count 1000 per second.
        Assert.True(DspTestHelpers.GoertzelAmplitude(steady, 950, 48_000) < 0.05);
        Assert.True(DspTestHelpers.GoertzelAmplitude(steady, 1050, 48_000) < 0.05);
        var crossings = 0;
        for (var i = 1; i < steady.Length; i++)
        {
            crossings += (steady[i - 1] < 0) != (steady[i] < 0) ? 1 : 0;
        }

        Assert.InRange(crossings, 999 - 2, 1000 + 2);
    }
}

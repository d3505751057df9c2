using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Nodes;
using static RadioStudio.Tests.Engine.Audio.DspTestHelpers;
using static RadioStudio.Tests.Engine.Audio.Nodes.NodeTestHelpers;

namespace RadioStudio.Tests.Engine.Audio.Nodes;

public sealed class MeterTapTests
{
    private const double HalfDb = -6.020599913279624;

    [Fact]
    public void Reading_BeforeFirstRead_Silence()
    {
        var meter = new MeterTap(new ConstantSource(1f));

        Assert.Equal(MeterReading.Silence, meter.Reading);
        Assert.Equal(MeterReading.FloorDb, meter.PeakHoldDb);
    }

    [Fact]
    public void Read_Ramp_PassesThroughUnchanged()
    {
        var meter = new MeterTap(new RampSource(-3f, 0.5f));

        var output = ReadAll(meter, 1920);

        Assert.Equal(ReadAll(new RampSource(-3f, 0.5f), 1920), output);
    }

    [Theory]
    [InlineData(0.5f)]
    [InlineData(-0.5f)]
    public void Read_Constant_PeakAndRmsAreItsLevel(float value)
    {
        var meter = new MeterTap(new ConstantSource(value));

        ReadAll(meter, 960);

        Assert.Equal(HalfDb, meter.Reading.PeakDb, 1e-5);
        Assert.Equal(HalfDb, meter.Reading.RmsDb, 1e-5);
        Assert.Equal(HalfDb, meter.PeakHoldDb, 1e-5);
    }

    [Fact]
    public void Read_Sine_RmsThreeDbBelowPeak()
    {
        // 1 kHz at 48 kHz: 20 whole cycles in a block, and sample 12 sits on the crest.
        var meter = new MeterTap(new BufferSource(Sine(960, 1000, 48000, amplitude: 0.5)));

        ReadAll(meter, 960);

        Assert.Equal(HalfDb, meter.Reading.PeakDb, 1e-5);
        Assert.Equal(HalfDb - 3.010299956639812, meter.Reading.RmsDb, 1e-4);
    }

    [Fact]
    public void Read_Silence_ReadsFloor()
    {
        var meter = new MeterTap(new ConstantSource(0f));

        ReadAll(meter, 960);

        Assert.Equal(MeterReading.Silence, meter.Reading);
    }

    [Fact]
    public void PeakHoldDb_PeakThenSilence_FallsTwentyDbPerSecond()
    {
        var samples = new float[960 + 4800 + 480_000];
        samples.AsSpan(0, 960).Fill(0.5f);
        var meter = new MeterTap(new BufferSource(samples));

        ReadAll(meter, 960, block: 960);
        ReadAll(meter, 4800, block: 4800);

        Assert.Equal(MeterReading.FloorDb, meter.Reading.PeakDb);
        Assert.Equal(HalfDb - 2.0, meter.PeakHoldDb, 1e-4);

        ReadAll(meter, 480_000);

        Assert.Equal(MeterReading.FloorDb, meter.PeakHoldDb);
    }

    [Fact]
    public void Read_BiggerPeakAfterHold_HoldJumpsUp()
    {
        var samples = new float[1920];
        samples.AsSpan(0, 960).Fill(0.25f);
        samples.AsSpan(960).Fill(0.5f);
        var meter = new MeterTap(new BufferSource(samples));

        ReadAll(meter, 1920);

        Assert.Equal(HalfDb, meter.PeakHoldDb, 1e-5);
    }

    [Fact]
    public async Task Reading_FromOtherThreadWhileReading_NeverTorn()
    {
        // Blocks alternate between two levels, so a consistent reading always has peak == RMS.
        var meter = new MeterTap(new AlternatingSource());
        var buffer = new float[960];
        var reader = Task.Run(() =>
        {
            Assert.True(SpinWait.SpinUntil(() => meter.Reading != MeterReading.Silence, TimeSpan.FromSeconds(10)));
            var levels = new HashSet<float>();
            for (var i = 0; i < 200_000; i++)
            {
                var reading = meter.Reading;
                Assert.Equal(reading.PeakDb, reading.RmsDb);
                levels.Add(reading.PeakDb);
            }

            return levels.Count;
        });

        while (!reader.IsCompleted)
        {
            meter.Read(buffer);
        }

        Assert.Equal(2, await reader);
    }

    [Fact]
    public void Read_DoesNotAllocate()
    {
        var meter = new MeterTap(new RampSource(0f, 1e-4f));

        Assert.InRange(AllocatedOver1000Reads(meter), 0, 16 * 1024);
    }

    private sealed class AlternatingSource : IAudioSource
    {
        private bool _loud;

        public AudioFormat Format => AudioFormat.Studio;

        public int Read(Span<float> buffer)
        {
            _loud = !_loud;
            buffer.Fill(_loud ? 0.5f : 0.25f);
            return buffer.Length;
        }
    }
}

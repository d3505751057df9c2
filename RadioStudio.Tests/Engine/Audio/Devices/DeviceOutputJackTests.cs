using System.Diagnostics;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Devices;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Tests.Support;
using Xunit.Abstractions;

namespace RadioStudio.Tests.Engine.Audio.Devices;

/// <summary>DeviceOutput against a real clocked device: a headless JACK dummy server (see <see cref="JackServerFixture"/>).</summary>
[Collection(DeviceCollection.Name)]
[Trait("Category", "Device")]
[TestCaseOrderer(RunsLastOrderer.TypeName, RunsLastOrderer.AssemblyName)]
public sealed partial class DeviceOutputJackTests(JackServerFixture jack, ITestOutputHelper log)
{
    private JackServerFixture Jack => jack;

    private ITestOutputHelper Log => log;

    // Fits the dummy server's 8 playback ports: host 1, AI 2, phones 3–4, music 5, SFX + ads 6, program 7–8.
    private static readonly RoutingTable EightChannels = new()
    {
        DeviceName = JackServerFixture.DeviceName,
        PhoneSlots = 2,
        Music = 5,
        Effects = 6,
        Ads = 6,
        ProgramLeft = 7,
        ProgramRight = 8,
    };

    // Standard(2) bus order: host, AI, phone-1, phone-2, music, SFX, ads, program.
    private static readonly double[] BusTones = [300, 500, 700, 900, 1100, 1300, 1500, 1700];

    private bool Skip()
    {
        if (!jack.Available)
        {
            log.WriteLine($"SKIPPED: {jack.Unavailable}");
            return true;
        }

        return false;
    }

    private static DeviceOutput Create(RoutingTable routing) => new(routing, new RecordingLogger<DeviceOutput>(), TimeProvider.System);

    private static async Task AssertRunningAsync(DeviceOutput output, TimeSpan? timeout = null) =>
        await Poll.AssertUntilAsync(() => output.Status.State == DeviceState.Running, $"device never ran: {output.Status}", timeout ?? TimeSpan.FromSeconds(15));

    [Fact]
    public async Task List_WithJackUp_ShowsTheServerAsAnEightChannelOutput()
    {
        if (Skip())
        {
            return;
        }

        var devices = AudioDevices.List(out var problem);

        Assert.Null(problem);
        var system = AudioDevices.Match(devices, JackServerFixture.DeviceName, output: true);
        Assert.NotNull(system);
        Assert.Equal(8, system.MaxOutputChannels);
        Assert.Equal(48_000, system.DefaultSampleRate);
    }

    [Fact]
    public async Task Start_TableFitsEightChannels_RunsAtTheDevicesPace()
    {
        if (Skip())
        {
            return;
        }

        using var output = Create(EightChannels);
        output.Start();
        await AssertRunningAsync(output);
        Assert.Equal(8, output.Status.Channels);
        Assert.Empty(output.Status.FoldedBuses);

        const int blocks = 75; // 1.5 s
        var driver = new BlockDriver(BlockDriver.Tones(2, BusTones, 0.1), output, blocks);
        var before = output.LiveStatus;
        var elapsed = Stopwatch.StartNew();
        using (var clock = new AudioClock())
        {
            clock.Add(driver);
            clock.Start();
            await Poll.AssertUntilAsync(() => driver.Written >= blocks, "the clock did not run 75 blocks", TimeSpan.FromSeconds(20));
        }

        elapsed.Stop();
        var during = output.LiveStatus;
        var sent = (during.BlocksPlayed + during.InsertedBlocks) - (before.BlocksPlayed + before.InsertedBlocks);

        // Every block given is played, dropped for drift or (after the clock stopped) still queued.
        await Poll.AssertUntilAsync(() => output.LiveStatus.BlocksPlayed + output.LiveStatus.DriftDrops + output.LiveStatus.Overruns >= blocks, $"blocks went missing: {output.LiveStatus}", TimeSpan.FromSeconds(5));
        var after = output.LiveStatus;
        log.WriteLine($"{blocks} blocks in {elapsed.Elapsed.TotalMilliseconds:0} ms; device took {sent} blocks meanwhile; {after}");

        // Paced by the device: over the drive it took no more blocks than real time allows (plus its small buffer),
        // which a writer not waiting for the device (no clock, or ignoring it) would exceed many times over.
        var realTimeBlocks = elapsed.Elapsed.TotalMilliseconds / 20;
        Assert.True(sent <= realTimeBlocks + 10, $"device took {sent} blocks in {realTimeBlocks:0.0} blocks of wall time");
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(1.5 * 0.8), $"{blocks} blocks took only {elapsed.Elapsed}");
        // Blocks are played rather than dropped — unless the JACK server itself missed cycles (its xruns: a loaded CI
        // machine stalling its real-time thread), when the ring rightly overflows and the overruns are counted above.
        if (after.DeviceXruns == 0)
        {
            Assert.True(after.BlocksPlayed >= blocks - 10, $"only {after.BlocksPlayed} of {blocks} blocks played: {after}");
        }
        Assert.True(during.Underruns <= 10, $"{during.Underruns} underruns while the clock ran");
        Assert.Equal(0, output.Faults);
    }

    [Fact]
    public async Task Start_DefaultTableNeedingSixteen_OpensEightAndReportsTheFoldedBuses()
    {
        if (Skip())
        {
            return;
        }

        using var output = Create(new RoutingTable { DeviceName = JackServerFixture.DeviceName });
        output.Start();
        await AssertRunningAsync(output);

        Assert.Equal(16, new RoutingTable().ChannelsNeeded);
        Assert.Equal(8, output.Status.Channels);
        Assert.Equal(["music", "sfx", "ads", "program"], output.Status.FoldedBuses.ToArray());
        Assert.Contains("JACK", output.Status.DeviceName, StringComparison.Ordinal);

        var driver = new BlockDriver(BlockDriver.Tones(6, [300, 500, 700, 900, 1100, 1300, 1500, 1700, 1900, 2100, 2300, 2500], 0.05), output, 25);
        using var clock = new AudioClock();
        clock.Add(driver);
        clock.Start();
        await Poll.AssertUntilAsync(() => output.LiveStatus.BlocksPlayed >= 20, $"folded output did not play: {output.LiveStatus}", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Write_EachBusTone_LandsOnItsRoutedJackPort()
    {
        if (Skip())
        {
            return;
        }

        using var output = Create(EightChannels);
        output.Start();
        await AssertRunningAsync(output);
        var driver = new BlockDriver(BlockDriver.Tones(2, BusTones, 0.1), output);
        using var clock = new AudioClock();
        clock.Add(driver);
        clock.Start();
        await Poll.AssertUntilAsync(() => output.LiveStatus.BlocksPlayed >= 10, "audio never started", TimeSpan.FromSeconds(10));

        // PortAudio's JACK client registers one output port per channel, in channel order.
        var ports = jack.Ports().Where(p => !p.StartsWith("system:", StringComparison.Ordinal) && !p.Contains("jack_rec", StringComparison.OrdinalIgnoreCase)).ToArray();
        log.WriteLine(string.Join(", ", ports));
        Assert.Equal(8, ports.Length);

        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "ports.wav");
        using (var recorder = jack.Record(file, 2, ports))
        {
            await Poll.AssertUntilAsync(() => recorder.HasExited, "jack_rec did not finish", TimeSpan.FromSeconds(20));
            Assert.Equal(0, recorder.ExitCode);
        }

        var wav = WavReader.Read(file);
        Assert.Equal(8, wav.Channels);
        Assert.Equal(48_000, wav.SampleRate);
        Assert.True(wav.Frames >= 48_000, $"only {wav.Frames} frames recorded");

        // channel → buses expected on it (indices into BusTones); the middle second as ten 100 ms windows:
        // the median window gives the level (a loaded machine may underrun the device for a window), the
        // loudest window must stay quiet where nothing belongs.
        int[][] expected = [[0], [1], [2], [3], [4], [5, 6], [7], [7]];
        var start = (wav.Frames / 2) - 24_000;
        for (var channel = 0; channel < 8; channel++)
        {
            var samples = new float[48_000];
            for (var n = 0; n < samples.Length; n++)
            {
                samples[n] = wav.Samples[((start + n) * 8) + channel];
            }

            for (var bus = 0; bus < BusTones.Length; bus++)
            {
                var windows = Windows(samples, BusTones[bus], 48_000);
                if (expected[channel].Contains(bus))
                {
                    Assert.True(windows[5] is > 0.08 and < 0.12, $"channel {channel + 1}: {BusTones[bus]} Hz at {windows[5]:0.000}, expected 0.1");
                }
                else
                {
                    Assert.True(windows[^1] < 0.01, $"channel {channel + 1}: {BusTones[bus]} Hz at {windows[^1]:0.000}, expected nothing");
                }
            }
        }
    }

    /// <summary>
    /// What is true with PortAudio 19.6: the loss is seen within about a second and the show goes on, but the
    /// dead JACK stream cannot be closed for 10 minutes (pa_jack.c waits for JACK's process callback to
    /// acknowledge the stop, with a 10-minute timeout), and PortAudio can only re-scan after every stream is
    /// closed — so a restarted jackd is not picked up before then. The output says so and keeps waiting;
    /// it stays disposable at once. Runs last: the process's PortAudio session is stuck afterwards.
    /// </summary>
    [Fact]
    [RunsLast]
    public async Task JackDies_GoesLostAtOnceWritesStayInstantAndItWaitsForPortAudioToLetGo()
    {
        if (Skip())
        {
            return;
        }

        var output = Create(EightChannels);
        var states = new List<DeviceState>();
        output.StatusChanged += s =>
        {
            lock (states)
            {
                states.Add(s.State);
            }
        };
        output.Start();
        await AssertRunningAsync(output);
        var block = BlockDriver.Tones(2, BusTones, 0.1);
        var driver = new BlockDriver(block, output);
        using var clock = new AudioClock();
        clock.Add(driver);
        clock.Start();
        await Poll.AssertUntilAsync(() => output.LiveStatus.BlocksPlayed >= 10, "audio never started", TimeSpan.FromSeconds(10));

        jack.Kill();
        var lost = Stopwatch.StartNew();
        await Poll.AssertUntilAsync(() => output.Status.State == DeviceState.Lost, $"never went Lost: {output.Status}", TimeSpan.FromSeconds(10));
        log.WriteLine($"Lost after {lost.ElapsedMilliseconds} ms: {output.Status.Message}");
        Assert.Contains("stopped", output.Status.Message, StringComparison.Ordinal);

        // The show goes on: writes return at once while the device is gone (loose bound: 200 blocks well under a second).
        var writes = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            output.Write(block);
        }

        Assert.True(writes.Elapsed < TimeSpan.FromSeconds(1), $"200 writes took {writes.Elapsed}");
        var blocksWhileLost = driver.Written;
        await Poll.AssertUntilAsync(() => driver.Written >= blocksWhileLost + 25, "the audio clock stalled while the device was lost", TimeSpan.FromSeconds(10));

        // jackd comes back, but the old stream is still being closed: the output reports that rather than retrying.
        await jack.StartAsync();
        await Poll.AssertUntilAsync(() => output.Status.Message?.Contains("Waiting for PortAudio to close", StringComparison.Ordinal) == true, $"expected the waiting message: {output.Status}", TimeSpan.FromSeconds(15));
        Assert.Equal(DeviceState.Lost, output.Status.State);
        Assert.Empty(AudioDevices.List(out var problem));
        Assert.Contains("busy", problem, StringComparison.Ordinal);

        var dispose = Stopwatch.StartNew();
        output.Dispose();
        log.WriteLine($"Dispose took {dispose.ElapsedMilliseconds} ms");
        Assert.True(dispose.Elapsed < TimeSpan.FromSeconds(5), $"Dispose took {dispose.Elapsed}");
        Assert.Equal(DeviceState.Off, output.Status.State);
        Assert.Equal(0, clock.Stats.Faults);
        Assert.Equal(0, output.Faults);
        lock (states)
        {
            Assert.Equal([DeviceState.Opening, DeviceState.Running, DeviceState.Lost], states.Distinct().Take(3));
        }
    }

    [Fact]
    public async Task DeviceCapture_JackSystemInput_FillsTheFanoutAtTheDevicesPace()
    {
        if (Skip())
        {
            return;
        }

        var fanout = new CaptureFanout();
        var reader = fanout.Subscribe();
        using var capture = new DeviceCapture(JackServerFixture.DeviceName, fanout, new RecordingLogger<DeviceCapture>(), TimeProvider.System);
        capture.Start();
        await Poll.AssertUntilAsync(() => capture.Status.State == DeviceState.Running, $"capture never ran: {capture.Status}", TimeSpan.FromSeconds(15));
        Assert.Equal(1, capture.Status.Channels);

        var start = fanout.Written;
        var elapsed = Stopwatch.StartNew();
        await Poll.AssertUntilAsync(() => fanout.Written - start >= 48_000, "less than 1 s captured", TimeSpan.FromSeconds(10));
        elapsed.Stop();

        // The dummy driver's capture ports carry silence; what matters is that a second of it took about a second.
        Assert.True(elapsed.Elapsed >= TimeSpan.FromSeconds(0.8), $"1 s of capture arrived in {elapsed.Elapsed}");
        var block = new float[960];
        Assert.Equal(960, reader.Read(block));
    }

    [Fact]
    public async Task Start_NoSuchDevice_GoesLostAndWritesStillReturn()
    {
        if (Skip())
        {
            return;
        }

        using var output = Create(EightChannels with { DeviceName = "no device is called this" });
        output.Start();
        await Poll.AssertUntilAsync(() => output.Status.State == DeviceState.Lost, $"expected Lost: {output.Status}", TimeSpan.FromSeconds(15));

        output.Write(MixBlock.Standard(2));
        Assert.Contains("no device is called this", output.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoDeviceName_StaysOffAndIgnoresWrites()
    {
        using var output = Create(new RoutingTable());
        output.Start();
        output.Write(MixBlock.Standard(6));

        Assert.Equal(DeviceState.Off, output.Status.State);
        Assert.Equal("No output device chosen.", output.Status.Message);
    }
}

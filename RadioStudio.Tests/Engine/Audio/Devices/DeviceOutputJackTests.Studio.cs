using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Codecs;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Audio.Devices;

/// <summary>
/// The "done when", end to end on the real studio: two simulated callers on air (real webhook +
/// Media Streams) hear each other and the host, never themselves; music crossfades under them with ducking;
/// every source lands on its configured channel of a clocked JACK device and in its stem.
/// Part of <see cref="DeviceOutputJackTests"/>: one JACK server, and it must run before the test that leaves
/// the process's PortAudio stuck (the class's orderer runs that one last).
/// </summary>
public sealed partial class DeviceOutputJackTests
{
    private const double HostHz = 1_500;
    private const double AnnHz = 440;
    private const double BobHz = 1_000;
    private const double BedAHz = 200;
    private const double BedBHz = 250;

    [Fact]
    public async Task Studio_TwoCallersHostAndMusic_LandOnTheirJackChannelsAndStems_CallersNeverHearThemselves()
    {
        if (Skip())
        {
            return;
        }

        await using var factory = new StudioWebFactory(new Dictionary<string, string?>
        {
            ["Studio:Routing:DeviceName"] = JackServerFixture.DeviceName,
            ["Studio:Routing:PhoneSlots"] = "2",
            ["Studio:Routing:Music"] = "5",
            ["Studio:Routing:Effects"] = "6",
            ["Studio:Routing:Ads"] = "6",
            ["Studio:Routing:ProgramLeft"] = "7",
            ["Studio:Routing:ProgramRight"] = "8",
            ["Audio:PhoneEventSounds"] = "false",
            ["Audio:InputDevice"] = JackServerFixture.DeviceName,
        });
        Directory.CreateDirectory(Path.Combine(factory.DataFolder, "music"));
        WriteTone(Path.Combine(factory.DataFolder, "music", "bed-a.wav"), BedAHz);
        WriteTone(Path.Combine(factory.DataFolder, "music", "bed-b.wav"), BedBHz);
        var baseUrl = factory.StartKestrel();
        var engine = factory.Services.GetRequiredService<StudioEngine>();
        var graph = factory.Services.GetRequiredService<AudioGraph>();
        var desk = factory.Services.GetRequiredService<IAudioDesk>();
        using var http = new HttpClient();

        await engine.WaitForAsync(s => s.Audio.OutputState.StartsWith("Running", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        // The host mic is the JACK capture: it fills the one capture the program reads, and browsers are refused.
        var mic = factory.Services.GetRequiredService<RadioStudio.Engine.Audio.Devices.HostMicrophone>();
        await engine.WaitForAsync(s => s.Audio.HostMic == "device: " + JackServerFixture.DeviceName);
        await Poll.AssertUntilAsync(() => mic.Capture.Written >= 48_000, "a second of device capture", TimeSpan.FromSeconds(10));
        Assert.Equal(0, mic.Connect());
        await engine.SetOnAirAsync(true);
        await engine.WaitForAsync(s => s.Audio.Tracks.Count == 2 && s.Audio.RecordingFolder is not null);
        await desk.PlayTrackAsync("bed-a.wav");

        _ = graph.HostMic.Play(new Tone(HostHz, 0.3f));
        var credentials = factory.Services.GetRequiredService<PhoneSystem>().Credentials;
        var ann = await CallAsync(http, baseUrl, credentials, engine, "+14155550141", AnnHz);
        var bob = await CallAsync(http, baseUrl, credentials, engine, "+14155550142", BobHz);

        // Switch beds under the conversation: an equal-power 3 s crossfade, ducked 12 dB under the speech.
        await desk.PlayTrackAsync("bed-b.wav");
        var annFrom = ann.ReceivedFrames().Length;
        var bobFrom = bob.ReceivedFrames().Length;
        await Poll.AssertUntilAsync(
            () => ann.ReceivedFrames().Length >= annFrom + 200 && bob.ReceivedFrames().Length >= bobFrom + 200, "four seconds on air", TimeSpan.FromSeconds(20));

        // The studio's output ports (its capture stream has input ports of its own).
        var ports = Jack.Ports().Where(p => !p.StartsWith("system:", StringComparison.Ordinal) && p.Contains(":out_", StringComparison.Ordinal)).ToArray();
        Log.WriteLine(string.Join(", ", Jack.Ports()));
        Assert.Equal(8, ports.Length);
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "ports.wav");
        using (var recorder = Jack.Record(file, 2, ports))
        {
            await Poll.AssertUntilAsync(() => recorder.HasExited, "jack_rec did not finish", TimeSpan.FromSeconds(20));
            Assert.Equal(0, recorder.ExitCode);
        }

        // Callers: each hears the other and the host, never themselves (median of 100 ms windows over the last second).
        var annHeard = Decode(ann.ReceivedAudio());
        var bobHeard = Decode(bob.ReceivedAudio());
        Assert.Equal(0.3, Median(annHeard, BobHz, 8_000), 0.04);
        Assert.Equal(0.3, Median(annHeard, HostHz, 8_000), 0.04);
        Assert.True(Loudest(annHeard, AnnHz, 8_000) < 0.003, "Ann never hears herself");
        Assert.Equal(0.3, Median(bobHeard, AnnHz, 8_000), 0.04);
        Assert.True(Loudest(bobHeard, BobHz, 8_000) < 0.003, "Bob never hears himself");

        // The device: each source on its channel; the bed crossfaded to B and ducked (0.5 × 0.8 volume − 12 dB ≈ 0.1).
        var wav = WavReader.Read(file);
        Assert.Equal(8, wav.Channels);
        var ducked = 0.5 * 0.8 * Math.Pow(10, -12 / 20.0);
        for (var c = 1; c <= 8; c++)
        {
            var samples = Enumerable.Range(0, 24_000).Select(n => wav.Samples[(((wav.Frames / 2) - 12_000 + n) * 8) + c - 1]).ToArray();
            Log.WriteLine($"ch{c}: " + string.Join(" ", new[] { HostHz, AnnHz, BobHz, BedAHz, BedBHz }.Select(hz => $"{hz}:{DspTestHelpers.GoertzelAmplitude(samples, hz, 48_000):0.000}")));
        }

        AssertChannel(wav, 1, (HostHz, 0.3), (AnnHz, 0), (BedBHz, 0));
        AssertChannel(wav, 3, (AnnHz, 0.3), (BobHz, 0), (HostHz, 0));
        AssertChannel(wav, 4, (BobHz, 0.3), (AnnHz, 0), (HostHz, 0));
        AssertChannel(wav, 5, (BedBHz, ducked), (BedAHz, 0), (HostHz, 0));
        AssertChannel(wav, 7, (HostHz, 0.3), (AnnHz, 0.3), (BobHz, 0.3), (BedBHz, ducked));
        AssertChannel(wav, 8, (HostHz, 0.3), (AnnHz, 0.3), (BobHz, 0.3), (BedBHz, ducked));

        // The stems: the take closes at OFF AIR with every source in its own file.
        var take = engine.Current.Audio.RecordingFolder!;
        await engine.SetOnAirAsync(false);
        await Poll.AssertUntilAsync(() => File.Exists(Path.Combine(take, "stems.json")) && engine.Current.Audio.RecordingFolder is null, "the take closed");
        await Poll.AssertUntilAsync(() => new FileInfo(Path.Combine(take, "phone-2.wav")).Length > 44, "stems flushed");
        Assert.Equal(0.3, Median(Tail(WavReader.Read(Path.Combine(take, "host.wav"))), HostHz, 48_000), 0.03);
        Assert.Equal(0.3, Loudest(Tail(WavReader.Read(Path.Combine(take, "phone-1.wav"))), AnnHz, 48_000), 0.04);
        Assert.Equal(0.3, Loudest(Tail(WavReader.Read(Path.Combine(take, "phone-2.wav"))), BobHz, 48_000), 0.04);
        Assert.Equal(ducked, Median(Tail(WavReader.Read(Path.Combine(take, "music.wav"))), BedBHz, 48_000), 0.03);
        await ann.DisposeAsync();
        await bob.DisposeAsync();
    }

    private static async Task<SimulatedCall> CallAsync(HttpClient http, string baseUrl, TwilioCredentials credentials, StudioEngine engine, string from, double hz)
    {
        // Local mode (no Twilio account): the simulator signs with the studio's generated credentials.
        var options = new SimulatedCallOptions(new Uri(baseUrl), baseUrl, credentials.AccountSid, credentials.AuthToken, from, "+15550100000")
        {
            Audio = DspTestHelpers.Sine(8_000, hz, 8_000, amplitude: 0.3),
            LoopAudio = true,
        };
        var call = await new PhoneSimulator(http).PlaceCallAsync(options);
        Assert.Null(call.RefusedWith);
        var state = await engine.WaitForAsync(s => s.Lines.Any(l => l.CallSid == call.CallSid && l.Status == RadioStudio.Engine.State.LineStatus.Holding));
        await engine.TakeCallAsync(state.Lines.Single(l => l.CallSid == call.CallSid).Id);
        return call;
    }

    private static void AssertChannel(WavAudio wav, int channel, params (double Hz, double Level)[] expected)
    {
        // The middle second, as ten 100 ms windows. A source is judged by its loudest window: the simulated
        // callers run in the test process, and on a loaded CI machine their own sending stalls, which shows up
        // as quieter windows on their channel — not a routing fault. Where nothing belongs, even the loudest
        // window must stay silent.
        var samples = new float[48_000];
        var start = (wav.Frames / 2) - 24_000;
        for (var n = 0; n < samples.Length; n++)
        {
            samples[n] = wav.Samples[((start + n) * wav.Channels) + channel - 1];
        }

        foreach (var (hz, level) in expected)
        {
            var windows = Windows(samples, hz, 48_000);
            var measured = windows[^1];
            Assert.True(Math.Abs(measured - level) < Math.Max(0.03, level * 0.15), $"channel {channel}: {hz} Hz at {measured:0.000}, expected {level:0.000}");
        }
    }

    private static void WriteTone(string path, double hz)
    {
        using var writer = new WavWriter(path, 48_000, 1, WavSampleFormat.Float32);
        writer.Write(DspTestHelpers.Sine(48_000 * 4, hz, 48_000, amplitude: 0.5));
    }

    private static float[] Decode(byte[] mulaw) => [.. mulaw.Skip(mulaw.Length - 8_000).Select(b => MuLaw.Decode(b) / 32768f)];

    // A second that ends half a second before the take closed (OFF AIR ends the calls at the same moment).
    private static float[] Tail(WavAudio wav) => wav.Samples[^72_000..^24_000];

    private static double[] Windows(float[] x, double hz, int rate) =>
        [.. Enumerable.Range(0, x.Length / (rate / 10)).Select(w => DspTestHelpers.GoertzelAmplitude(x.AsSpan(w * rate / 10, rate / 10), hz, rate)).Order()];

    private static double Median(float[] x, double hz, int rate) => Windows(x, hz, rate)[5];

    private static double Loudest(float[] x, double hz, int rate) => Windows(x, hz, rate)[^1];

    private sealed class Tone(double hz, float amplitude) : IAudioSource
    {
        private long _n;

        public AudioFormat Format => AudioFormat.Studio;

        public int Read(Span<float> buffer)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = amplitude * (float)Math.Sin(2 * Math.PI * hz * _n++ / 48_000);
            }

            return buffer.Length;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;
using RadioStudio.Tests.Engine.Audio;
using RadioStudio.Tests.Engine.Audio.Graph;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Web.Telephony;

/// <summary>A Twilio-compatible carrier streaming linear 16-bit audio at 16 kHz (Twilio:StreamCodec = L16@16000h).</summary>
public sealed class L16StreamIntegrationTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private StudioWebFactory _factory = null!;
    private string _baseUrl = "";

    private StudioEngine Engine => _factory.Services.GetRequiredService<StudioEngine>();

    public async Task InitializeAsync()
    {
        _factory = new StudioWebFactory(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = PhoneStudioFixture.AccountSid,
            ["Twilio:AuthToken"] = PhoneStudioFixture.AuthToken,
            ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Twilio:StreamCodec"] = "L16@16000h",
        });
        _baseUrl = _factory.StartKestrel();
        await Engine.SetOnAirAsync(true);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task L16Caller_AsksForTheCodecStreams640ByteFramesBothWays()
    {
        var tone = Enumerable.Range(0, 8000).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * 300 * i / 8000))).ToArray();
        var call = await new PhoneSimulator(_http).PlaceCallAsync(Options(StreamCodec.L16At16k) with { Audio = tone, LoopAudio = true });

        Assert.Null(call.RefusedWith);
        Assert.Equal("L16@16000h", call.Answer!.Codec);
        var state = await Engine.WaitForAsync(s => s.Lines.Any(l => l.CallSid == call.CallSid && l.Status == LineStatus.Holding));
        var line = _factory.Services.GetRequiredService<PhoneSystem>().FindLine(state.Lines.Single().Id)!;
        Assert.Equal(16000, line.Codec.SampleRate);
        await Poll.AssertUntilAsync(() => call.ReceivedFrames().Length >= 10, "the holding caller hears the hold feed");
        Assert.All(call.ReceivedFrames(), f => Assert.Equal(640, f.PayloadLength));
        Assert.Contains(call.ReceivedAudio(), b => b != 0);

        // On air, the 16 kHz stream is upsampled 16k→48k onto the first phone channel at full level.
        await Engine.TakeCallAsync(line.Id);
        var capture = new CaptureOutput();
        var graph = _factory.Services.GetRequiredService<AudioGraph>();
        graph.AddOutput(capture);
        await Poll.AssertUntilAsync(() => capture.Count >= 50 && capture.WasActive(new BusId(BusKind.Phone, 0)), "the caller's audio reaches the studio");
        graph.RemoveOutput(capture);
        // Block by block (20 ms = 6 whole cycles of 300 Hz), judged by the median: on a loaded test machine a late
        // simulated frame makes a block or two silent (a counted jitter-buffer underrun), which is not a level error.
        var samples = capture.Last(new BusId(BusKind.Phone, 0), 25);
        var levels = samples.Chunk(960).Select(block => DspTestHelpers.GoertzelAmplitude(block, 300, 48_000)).Order().ToArray();
        Assert.Equal(0.5, levels[levels.Length / 2], 0.03);
        await call.HangUpAsync();
    }

    [Fact]
    public async Task PcmuStreamIntoAnL16Studio_IsRefused()
    {
        var call = await new PhoneSimulator(_http).PlaceCallAsync(Options(StreamCodec.Pcmu));

        Assert.Equal(SimulatedCallEnd.StudioClosed, await call.Ended.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private SimulatedCallOptions Options(StreamCodec codec) =>
        new(new Uri(_baseUrl), _baseUrl, PhoneStudioFixture.AccountSid, PhoneStudioFixture.AuthToken, "+14155550190", "+15550100000") { Codec = codec };
}

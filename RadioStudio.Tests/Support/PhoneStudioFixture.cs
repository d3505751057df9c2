using Microsoft.Extensions.DependencyInjection;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Simulator;

namespace RadioStudio.Tests.Support;

/// <summary>
/// The real studio on Kestrel (127.0.0.1) with Twilio credentials pointing at a fake Twilio REST server,
/// ON AIR, and a phone simulator that dials it like Twilio would.
/// </summary>
public class PhoneStudioFixture : IAsyncLifetime
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "integration-token";

    public FakeTwilioServer Twilio { get; private set; } = null!;

    public StudioWebFactory Factory { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public PhoneSimulator Simulator => new(Http);

    public StudioEngine Engine => Factory.Services.GetRequiredService<StudioEngine>();

    public PhoneSystem Phones => Factory.Services.GetRequiredService<PhoneSystem>();

    public AudioGraph Audio => Factory.Services.GetRequiredService<AudioGraph>();

    public virtual async Task InitializeAsync()
    {
        Twilio = await FakeTwilioServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,

            // Phone tests listen to exactly what callers say; the ring/hang-up sounds are tested on their own.
            ["Audio:PhoneEventSounds"] = "false",
        };
        foreach (var (key, value) in ExtraSettings())
        {
            settings[key] = value;
        }

        Factory = new StudioWebFactory(settings);
        BaseUrl = Factory.StartKestrel();
        await Engine.SetOnAirAsync(true);
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Twilio.DisposeAsync();
        Http.Dispose();
    }

    /// <summary>Options for a caller dialling this studio with valid credentials.</summary>
    /// <summary>Settings a derived fixture adds (or overrides) for its studio.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>();

    public SimulatedCallOptions Caller(string from, float[]? audio = null) =>
        new(new Uri(BaseUrl), BaseUrl, AccountSid, AuthToken, from, "+15550100000") { Audio = audio, LoopAudio = audio is not null };

    /// <summary>Places a call and waits until the studio has it holding in the queue.</summary>
    public async Task<(SimulatedCall Call, string LineId)> CallInAsync(string from, float[]? audio = null)
    {
        var call = await Simulator.PlaceCallAsync(Caller(from, audio));
        Assert.Null(call.RefusedWith);
        var state = await Engine.WaitForAsync(s => s.Lines.Any(l => l.CallSid == call.CallSid && l.Status == RadioStudio.Engine.State.LineStatus.Holding));
        return (call, state.Lines.Single(l => l.CallSid == call.CallSid).Id);
    }
}

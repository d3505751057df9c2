using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Telephony;
using RadioStudio.Engine.Telephony.Twilio;
using RadioStudio.Tests.Support;

namespace RadioStudio.Tests.Engine.Telephony;

/// <summary>The phone system tears down exactly the calls the studio state has dropped, and never on a stale snapshot.</summary>
public sealed class PhoneSystemReconcileTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private EngineHarness _h = null!;
    private PhoneSystem _phones = null!;

    public async Task InitializeAsync()
    {
        _h = await EngineHarness.StartAsync();
        var options = Options.Create(new TwilioOptions());
        _phones = new PhoneSystem(
            _h.Engine, options, new TwilioRestClient(_http, options, NullLogger<TwilioRestClient>.Instance),
            new HoldFeed(options, NullLogger<HoldFeed>.Instance), _h.Time, NullLogger<PhoneSystem>.Instance);
        await _h.Engine.SetOnAirAsync(true);
    }

    public async Task DisposeAsync()
    {
        await _phones.DisposeAsync();
        await _h.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Reconcile_SnapshotFromBeforeTheCall_KeepsTheLine()
    {
        var before = _h.Engine.Current;
        var answer = await _phones.AnswerAsync(new IncomingCall("CA" + new string('1', 32), "+14155550100", "+15550100000", "AC1"), "http://127.0.0.1:5180", CancellationToken.None);
        Assert.Equal(CallAnswerKind.Connected, answer.Kind);
        var lineId = Assert.Single(_h.Engine.Current.Lines).Id;

        // A subscription can still be delivering a snapshot taken before the call was added.
        await _phones.Reconcile(before);

        Assert.NotNull(_phones.FindLine(lineId));
    }

    [Fact]
    public async Task Reconcile_NewerSnapshotWithoutTheCall_TearsItDown()
    {
        await _phones.AnswerAsync(new IncomingCall("CA" + new string('2', 32), "+14155550101", "+15550100000", "AC1"), "http://127.0.0.1:5180", CancellationToken.None);
        var lineId = Assert.Single(_h.Engine.Current.Lines).Id;

        await _h.Engine.DropCallAsync(lineId);
        await _phones.Reconcile(_h.Engine.Current);

        Assert.Null(_phones.FindLine(lineId));
        Assert.Empty(_phones.Lines);
    }
}

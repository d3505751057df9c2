using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Show.Turns;

namespace RadioStudio.Tests.Engine.Show.Turns;

public class AutoResponderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero));
    private int _responded;
    private int _asked;

    private AutoResponder Responder(double debounce = 1.5, double cooldown = 5) =>
        new(_time) { Debounce = TimeSpan.FromSeconds(debounce), Cooldown = TimeSpan.FromSeconds(cooldown) };

    [Fact]
    public async Task TurnEnded_RespondsOnlyOnceTheDebounceHasPassed()
    {
        var auto = Responder(cooldown: 0);
        auto.TurnEnded(Yes, Respond, CancellationToken.None);

        _time.Advance(TimeSpan.FromMilliseconds(1_499));
        Assert.False(auto.Pending.IsCompleted);
        Assert.Equal(0, _responded);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await auto.Pending.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, _responded);
    }

    [Fact]
    public async Task SpeechStarted_DuringDebounce_CancelsTheReply()
    {
        var auto = Responder(cooldown: 0);
        auto.TurnEnded(Yes, Respond, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        auto.SpeechStarted();
        _time.Advance(TimeSpan.FromSeconds(5));
        await auto.Pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, _asked);
        Assert.Equal(0, _responded);
    }

    [Fact]
    public async Task TurnEnded_Again_RestartsTheDebounceAndRespondsOnce()
    {
        var auto = Responder(cooldown: 0);
        auto.TurnEnded(Yes, Respond, CancellationToken.None);
        var first = auto.Pending;
        _time.Advance(TimeSpan.FromSeconds(1));
        auto.TurnEnded(Yes, Respond, CancellationToken.None);
        await first.WaitAsync(TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, _responded);
        _time.Advance(TimeSpan.FromSeconds(0.5));
        await auto.Pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, _responded);
    }

    [Fact]
    public async Task TurnEnded_WithinCooldownOfTheLastAiTurn_WaitsForTheCooldown()
    {
        var auto = Responder(debounce: 1.5, cooldown: 5);
        auto.AiTurnEnded();
        _time.Advance(TimeSpan.FromSeconds(1));
        auto.TurnEnded(Yes, Respond, CancellationToken.None);

        // Debounce over at +2.5 s, but the cooldown runs to +5 s after the AI's turn.
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(auto.Pending.IsCompleted);
        Assert.Equal(0, _responded);
        _time.Advance(TimeSpan.FromSeconds(2.4));
        Assert.False(auto.Pending.IsCompleted);
        Assert.Equal(0, _responded);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await auto.Pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, _responded);
    }

    [Fact]
    public async Task TurnEnded_DecisionNo_DoesNotRespond()
    {
        var auto = Responder(cooldown: 0);
        auto.TurnEnded(_ => { _asked++; return Task.FromResult(false); }, Respond, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        await auto.Pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, _asked);
        Assert.Equal(0, _responded);
    }

    [Fact]
    public async Task TurnEnded_CallEndsDuringDebounce_NothingHappens()
    {
        var auto = Responder(cooldown: 0);
        using var call = new CancellationTokenSource();
        auto.TurnEnded(Yes, Respond, call.Token);
        await call.CancelAsync();
        _time.Advance(TimeSpan.FromSeconds(3));
        await auto.Pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, _asked);
        Assert.Equal(0, _responded);
    }

    private Task<bool> Yes(CancellationToken token)
    {
        Interlocked.Increment(ref _asked);
        return Task.FromResult(true);
    }

    private void Respond() => Interlocked.Increment(ref _responded);
}

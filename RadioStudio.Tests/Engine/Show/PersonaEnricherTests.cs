using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Show;
using RadioStudio.Engine.Speech;

namespace RadioStudio.Tests.Engine.Show;

public sealed class PersonaEnricherTests
{
    private static readonly Persona Pool = new()
    {
        Name = "Tammy", Gender = VoiceGender.Female, Age = 52, Job = "night nurse", Town = "Tulsa",
        Reason = "her husband secretly bought a boat", IsProblem = true,
    };

    [Fact]
    public async Task EnrichAsync_JsonInCodeFence_SetsBackstory()
    {
        var client = new ScriptedChatClient((_, _) => Task.FromResult("```json\n{\"backstory\": \"She found the boat title in the glovebox.\"}\n```"));

        var enriched = await new PersonaEnricher().EnrichAsync(Pool, client, CancellationToken.None);

        Assert.Equal("She found the boat title in the glovebox.", enriched.Backstory);
        Assert.Equal(Pool with { Backstory = enriched.Backstory }, enriched);
    }

    [Theory]
    [InlineData("Sure! Here's a backstory: she likes boats.")]
    [InlineData("{\"story\": \"wrong key\"}")]
    [InlineData("{\"backstory\": \"*sighs*\"}")]
    [InlineData("{\"backstory\": 42}")]
    public async Task EnrichAsync_UnusableReply_ReturnsPoolPersona(string reply)
    {
        var client = new ScriptedChatClient((_, _) => Task.FromResult(reply));

        Assert.Same(Pool, await new PersonaEnricher().EnrichAsync(Pool, client, CancellationToken.None));
    }

    [Fact]
    public async Task EnrichAsync_ClientThrows_ReturnsPoolPersona()
    {
        var client = new ScriptedChatClient((_, _) => throw new HttpRequestException("502"));

        Assert.Same(Pool, await new PersonaEnricher().EnrichAsync(Pool, client, CancellationToken.None));
    }

    [Fact]
    public async Task EnrichAsync_ClientNeverAnswers_TimesOutWithPoolPersona()
    {
        var time = new FakeTimeProvider();
        var client = new ScriptedChatClient((_, _) => new TaskCompletionSource<string>().Task);
        var enrich = new PersonaEnricher(time, TimeSpan.FromSeconds(5)).EnrichAsync(Pool, client, CancellationToken.None);

        Assert.False(enrich.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Same(Pool, await enrich.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task EnrichAsync_CallerCancels_Throws()
    {
        using var cts = new CancellationTokenSource();
        var client = new ScriptedChatClient((_, ct) => Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => "", TaskScheduler.Default));
        var enrich = new PersonaEnricher().EnrichAsync(Pool, client, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enrich);
    }
}

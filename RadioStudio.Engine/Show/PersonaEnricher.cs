using System.Text.Json;
using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Show;

/// <summary>
/// Optionally fleshes out a pool persona with a short LLM-written backstory detail, in the background ahead of
/// pickup. Any failure (error, timeout, unusable JSON) returns the pool persona unchanged, so a call never waits on
/// it; only cancellation by the caller's own token propagates.
/// </summary>
public sealed class PersonaEnricher
{
    /// <summary>The default time the LLM gets (8 s).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(8);

    /// <summary>Longest backstory kept, in characters.</summary>
    public const int MaxBackstoryLength = 300;

    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;

    /// <summary>Creates an enricher; <paramref name="timeProvider"/> drives the timeout (tests use a fake clock).</summary>
    public PersonaEnricher(TimeProvider? timeProvider = null, TimeSpan? timeout = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>Asks <paramref name="client"/> for one backstory detail; returns <paramref name="persona"/> with it, or unchanged.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Persona> EnrichAsync(Persona persona, IChatClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(persona);
        ArgumentNullException.ThrowIfNull(client);
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var response = await client.GetResponseAsync(Request(persona), new ChatOptions { Temperature = 0.9f }, linked.Token)
                .WaitAsync(linked.Token).ConfigureAwait(false);
            var backstory = Parse(response.Text);
            return backstory is null ? persona : persona with { Backstory = backstory };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            return persona;
        }
    }

    private static List<ChatMessage> Request(Persona p) =>
    [
        new(ChatRole.System,
            "You write short, believable backstory details for callers to a late-night radio call-in show. "
            + "Answer with JSON only: {\"backstory\": \"...\"}, one or two plain sentences, no names of real people."),
        new(ChatRole.User,
            $"Caller: {p.Name}, {p.Age}, {p.Job}, from {p.Town}. Calling because: {p.Reason}. "
            + $"Interests: {string.Join(", ", p.Interests)}. People: {string.Join("; ", p.People)}. "
            + "Give one specific backstory detail that fits and would come up on the call."),
    ];

    /// <summary>The backstory from a reply (tolerates code fences and text around the JSON), or null.</summary>
    internal static string? Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }

        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(reply[start..(end + 1)]);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("backstory", out var value)
                || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var backstory = ReplyCleaner.Clean(value.GetString() ?? "");
            return backstory.Length is 0 or > MaxBackstoryLength ? null : backstory;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

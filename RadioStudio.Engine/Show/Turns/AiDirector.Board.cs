using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RadioStudio.Engine.Audio.Graph;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Listening;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;
using RadioStudio.Engine.Telephony;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>The caller board: drawn per show, enriched in the background, and the provider labels.</summary>
public sealed partial class AiDirector
{
    /// <summary>
    /// With a language model configured, a pool persona gets a short backstory in the background: the slot is
    /// ready at once (pickup never waits), and the richer persona replaces it only if it is still waiting there.
    /// </summary>
    private void EnrichLater(int slot, Persona persona)
    {
        if (_llm.IsOffline || persona.RegularId is not null)
        {
            return;
        }

        Background(Task.Run(async () =>
        {
            var enriched = await _enricher.EnrichAsync(persona, _llm.Utility, CancellationToken.None).ConfigureAwait(false);
            if (ReferenceEquals(enriched, persona))
            {
                return;
            }

            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (Call?.Slot != slot && _board.TryEnrich(slot, persona, enriched))
                {
                    await _engine.UpdateAiAsync(null, board => board.SetItem(slot - 1, CallerBoard.SlotState(slot, enriched))).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }));
    }

    private async Task DrawBoardAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Off air the board waits for the next show (null); on air it belongs to the live one.
            _showId = _engine.Current.OnAir ? _engine.Current.Show?.Id : null;

            // Returning regulars take 2–3 slots; every active regular's name is kept out of the new draws.
            var (regulars, regularNames) = await _memory.RegularsForNewShowAsync(cancellationToken).ConfigureAwait(false);
            var drawn = _board.DrawNew(_speech.TextToSpeech.Voices, regulars, regularNames);
            await _engine.UpdateAiAsync(null, _ => [.. drawn.Select((p, i) => CallerBoard.SlotState(i + 1, p))], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < drawn.Count; i++)
            {
                EnrichLater(i + 1, drawn[i]);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Publishes the provider labels again, after the settings page swapped the providers.</summary>
    public Task RefreshProvidersAsync(CancellationToken cancellationToken = default) => PublishProvidersAsync(cancellationToken);

    private Task PublishProvidersAsync(CancellationToken cancellationToken) =>
        _engine.UpdateAiAsync(
            s => s with
            {
                Llm = _llm.Label,
                OfflineScript = _llm.IsOffline,
                SpeechToText = Describe(_speech.SpeechToText.Info),
                TextToSpeech = Describe(_speech.TextToSpeech.Info),
            },
            null,
            cancellationToken);

    private static string Describe(SpeechProviderInfo info) => info.IsOffline ? $"offline · {info.Model}" : $"{info.Provider} · {info.Model}";

    private async Task OnStateAsync(StudioState state)
    {
        // A new show draws a new board (names and voices never repeat within a show).
        if (state.OnAir && state.Show is { } show && show.Id != _showId)
        {
            if (_showId is null)
            {
                // The board drawn off air is this show's: the host may already have read it.
                _showId = show.Id;
            }
            else
            {
                await HangUpAsync("the show moved on", CancellationToken.None).ConfigureAwait(false);
                await DrawBoardAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        else if (!state.OnAir && Call is not null)
        {
            await HangUpAsync("the show went off air", CancellationToken.None).ConfigureAwait(false);
        }
    }
}

using System.Text;
using Microsoft.Extensions.AI;
using RadioStudio.Engine.Llm;

namespace RadioStudio.Engine.Screening;

/// <summary>
/// Asks the utility model for <see cref="ScreeningExtraction"/> after each caller answer, as structured output
/// (typed <c>GetResponseAsync&lt;T&gt;</c> with a JSON-schema response format). Offline (no provider) the offline
/// script answers the same request by pattern ("my name is …", "about …"), so a recognised answer still fills
/// the card; what it cannot read stays as the answer's audio clip for a human. A failed or unreadable reply
/// is null: the card keeps what it had.
/// </summary>
public sealed class ScreeningExtractor(ILlmClients llm)
{
    private const string Instructions =
        "You are the call screener for a late-night radio call-in show. From the exchange below, extract the caller's " +
        "name and what they want to talk about on air. Use null for anything not said yet; never invent. " +
        "Set done to true only when both a name and a clear topic are known.";

    /// <summary>Extracts from the exchange so far (screener lines and caller answers, oldest first).</summary>
    public async Task<ScreeningExtraction?> ExtractAsync(IReadOnlyList<ScreeningLine> exchange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var transcript = new StringBuilder();
        foreach (var line in exchange)
        {
            transcript.Append(line.FromScreener ? "SCREENER: " : "CALLER: ").AppendLine(line.Text);
        }

        List<ChatMessage> messages = [new(ChatRole.System, Instructions), new(ChatRole.User, transcript.ToString())];
        var options = LlmPurposes.With(LlmPurposes.Screening, new ChatOptions { Temperature = 0 });
        try
        {
            var response = await llm.Utility.GetResponseAsync<ScreeningExtraction>(messages, options, useJsonSchemaResponseFormat: true, cancellationToken)
                .ConfigureAwait(false);
            return response.TryGetResult(out var result) ? result : null;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

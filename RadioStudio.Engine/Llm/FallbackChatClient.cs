using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// A chain of chat clients: the inner client first, then each fallback in order. A link that fails (or times
/// out) before it yielded any content is skipped for the next one; once content has streamed a failure is
/// not hidden behind another model's voice but thrown as <see cref="LlmStreamInterruptedException"/>. When
/// every link fails, <see cref="LlmUnavailableException"/>. The caller's cancellation is never retried.
/// </summary>
public sealed partial class FallbackChatClient : DelegatingChatClient
{
    private readonly IReadOnlyList<IChatClient> _links;
    private readonly ILogger _logger;

    /// <summary>Tries <paramref name="innerClient"/>, then <paramref name="fallbacks"/> in order.</summary>
    public FallbackChatClient(IChatClient innerClient, IEnumerable<IChatClient> fallbacks, ILogger<FallbackChatClient>? logger = null)
        : base(innerClient)
    {
        _links = [innerClient, .. fallbacks];
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Index of the link that produced a response, in <c>AdditionalProperties</c> of its response and updates (0: the inner client).</summary>
    public const string LinkIndexProperty = "radiostudio.fallback-link";

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        var failures = new List<Exception>();
        for (var i = 0; i < _links.Count; i++)
        {
            try
            {
                var response = await _links[i].GetResponseAsync(history, options, cancellationToken).ConfigureAwait(false);
                response.AdditionalProperties ??= [];
                response.AdditionalProperties[LinkIndexProperty] = i;
                return response;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add(ex);
                LogLinkFailed(i, NameOf(i), NextName(i), ex.GetType().Name, ex.Message);
            }
        }

        throw new LlmUnavailableException(failures);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        var failures = new List<Exception>();
        for (var i = 0; i < _links.Count; i++)
        {
            IAsyncEnumerator<ChatResponseUpdate> updates;
            try
            {
                updates = _links[i].GetStreamingResponseAsync(history, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add(ex);
                LogLinkFailed(i, NameOf(i), NextName(i), ex.GetType().Name, ex.Message);
                continue;
            }

            var streamed = new StringBuilder();
            var hasContent = false;
            string? modelId = null;
            try
            {
                while (true)
                {
                    ChatResponseUpdate update;
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            if (streamed.ToString().Trim().Length > 0)
                            {
                                yield break;
                            }

                            // A 200 that is not a reply (an HTML page, an empty stream) is a failure, not a silent turn.
                            var empty = new LlmEmptyReplyException(NameOf(i));
                            failures.Add(empty);
                            LogLinkFailed(i, NameOf(i), NextName(i), empty.GetType().Name, empty.Message);
                            break;
                        }

                        update = updates.Current;
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (hasContent)
                        {
                            LogInterrupted(NameOf(i), streamed.Length, ex.GetType().Name, ex.Message);
                            throw new LlmStreamInterruptedException(streamed.ToString(), modelId ?? NameOf(i), ex);
                        }

                        failures.Add(ex);
                        LogLinkFailed(i, NameOf(i), NextName(i), ex.GetType().Name, ex.Message);
                        break;
                    }

                    hasContent |= update.Contents.Count > 0;
                    modelId ??= update.ModelId;
                    streamed.Append(update.Text);
                    update.AdditionalProperties ??= [];
                    update.AdditionalProperties[LinkIndexProperty] = i;
                    yield return update;
                }
            }
            finally
            {
                await updates.DisposeAsync().ConfigureAwait(false);
            }
        }

        throw new LlmUnavailableException(failures);
    }

    private string NameOf(int index) =>
        _links[index].GetService<ChatClientMetadata>()?.DefaultModelId ?? _links[index].GetType().Name;

    private string NextName(int index) => index + 1 < _links.Count ? NameOf(index + 1) : "(none)";

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "LLM link {Index} ({Model}) failed before answering, trying {Next}: {ErrorType}: {Error}")]
    private partial void LogLinkFailed(int index, string model, string next, string errorType, string error);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "LLM reply from {Model} broke off after {Characters} characters; not switching models mid-reply: {ErrorType}: {Error}")]
    private partial void LogInterrupted(string model, int characters, string errorType, string error);
}

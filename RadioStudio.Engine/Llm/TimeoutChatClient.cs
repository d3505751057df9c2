using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// Bounds a chat call: a streamed reply must yield its first content within <c>firstToken</c> and every call
/// must finish within <c>overall</c>, measured on the injected <see cref="TimeProvider"/>. Exceeding either
/// throws <see cref="LlmTimeoutException"/>; the caller's own cancellation still surfaces as
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class TimeoutChatClient : DelegatingChatClient
{
    private readonly TimeSpan _firstToken;
    private readonly TimeSpan _overall;
    private readonly TimeProvider _time;

    /// <summary>Wraps <paramref name="innerClient"/>; <see cref="Timeout.InfiniteTimeSpan"/> disables a limit.</summary>
    public TimeoutChatClient(IChatClient innerClient, TimeSpan firstToken, TimeSpan overall, TimeProvider timeProvider)
        : base(innerClient)
    {
        _firstToken = firstToken;
        _overall = overall;
        _time = timeProvider;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var overall = new CancellationTokenSource(_overall, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token);
        try
        {
            return await base.GetResponseAsync(messages, options, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (overall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new LlmTimeoutException(LlmTimeoutKind.Overall, _overall, ModelOf(options), ex);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var overall = new CancellationTokenSource(_overall, _time);
        using var firstToken = new CancellationTokenSource(_firstToken, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token, firstToken.Token);
        var updates = base.GetStreamingResponseAsync(messages, options, linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            var waitingForFirst = true;
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    update = updates.Current;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (overall.IsCancellationRequested || firstToken.IsCancellationRequested))
                {
                    var kind = waitingForFirst && firstToken.IsCancellationRequested ? LlmTimeoutKind.FirstToken : LlmTimeoutKind.Overall;
                    throw new LlmTimeoutException(kind, kind == LlmTimeoutKind.FirstToken ? _firstToken : _overall, ModelOf(options), ex);
                }

                if (waitingForFirst && update.Contents.Count > 0)
                {
                    waitingForFirst = false;
                    firstToken.CancelAfter(Timeout.InfiniteTimeSpan);
                }

                yield return update;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }

    private string? ModelOf(ChatOptions? options) =>
        options?.ModelId ?? this.GetService<ChatClientMetadata>()?.DefaultModelId;
}

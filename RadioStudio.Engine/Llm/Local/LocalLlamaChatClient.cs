using System.Runtime.CompilerServices;
using LLama;
using LLama.Abstractions;
using LLama.Transformers;
using Microsoft.Extensions.AI;

namespace RadioStudio.Engine.Llm.Local;

/// <summary>
/// A local GGUF model as an <see cref="IChatClient"/>: LLamaSharp's chat client over a stateless executor (one
/// llama.cpp context per request, the model's own chat template), at most <see cref="LocalLlamaModel.Gate"/>
/// at once. Without a loaded model every call throws <see cref="LocalModelException"/>, so the fallback chain
/// moves on to the offline script.
/// </summary>
public sealed class LocalLlamaChatClient(LocalLlamaModel? model, string? problem) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("llama.cpp", null, model?.Name ?? "no model");

    /// <summary>The loaded model, or null.</summary>
    public LocalLlamaModel? Model { get; } = model;

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var loaded = Loaded();
        await loaded.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var client = Create(loaded);
            var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            response.ModelId ??= loaded.Name;
            return response;
        }
        finally
        {
            loaded.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var loaded = Loaded();
        await loaded.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var client = Create(loaded);
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                update.ModelId ??= loaded.Name;
                yield return update;
            }
        }
        finally
        {
            loaded.Gate.Release();
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>Nothing to free: the model belongs to the cache.</summary>
    public void Dispose()
    {
    }

    private LocalLlamaModel Loaded() => Model ?? throw new LocalModelException(problem ?? "no local model is loaded");

    private static IChatClient Create(LocalLlamaModel loaded) =>
        new StatelessExecutor(loaded.Weights, loaded.Parameters)
            .AsChatClient(new PromptTemplateTransformer(loaded.Weights, withAssistant: true));
}

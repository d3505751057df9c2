using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using RadioStudio.Engine.Hosting;
using RadioStudio.Engine.Llm.Local;
using RadioStudio.Engine.Persistence;

namespace RadioStudio.Engine.Llm;

/// <summary>
/// Builds the studio's chat chains from <see cref="LlmOptions"/>. With the openai provider each purpose gets
/// Latency → options defaults → logging → Fallback over [Timeout(model), Timeout(fallback model)…, offline
/// script]; the offline script is always the last link, so a dead provider still gives an answer. With the
/// offline provider both purposes are the script alone (still measured). <see cref="Reconfigure"/> swaps
/// everything atomically at run time.
/// </summary>
public sealed class LlmClients : ILlmClients, IDisposable
{
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly LlmMetrics? _metrics;
    private readonly IReadOnlyList<ILlmLatencySink> _sinks;
    private readonly Func<LlmOptions, OfflineScript> _loadScript;
    private readonly LocalLlamaModels _local;
    private LlmClientSet _current;

    /// <summary>Builds the chains for the configured options.</summary>
    public LlmClients(
        IOptions<LlmOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        LlmMetrics? metrics = null,
        IEnumerable<ILlmLatencySink>? sinks = null,
        IOptions<StorageOptions>? storage = null)
        : this(options, timeProvider, loggerFactory, metrics, sinks, o => OfflineScript.LoadFromAppDirectory(o.OfflineScript), storage?.Value.FullPath)
    {
    }

    internal LlmClients(
        IOptions<LlmOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        LlmMetrics? metrics,
        IEnumerable<ILlmLatencySink>? sinks,
        Func<LlmOptions, OfflineScript> loadScript,
        string? dataFolder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = timeProvider;
        _loggers = loggerFactory;
        _metrics = metrics;
        _sinks = [.. sinks ?? []];
        _loadScript = loadScript;
        _local = new LocalLlamaModels(dataFolder, loggerFactory.CreateLogger<LocalLlamaModels>());
        _current = Build(options.Value);
        Dialogue = new LlmClientSlot(() => Volatile.Read(ref _current).Dialogue);
        Utility = new LlmClientSlot(() => Volatile.Read(ref _current).Utility);
    }

    /// <summary>Raised after <see cref="Reconfigure"/> swapped the chains.</summary>
    public event EventHandler? Reconfigured;

    /// <inheritdoc />
    public IChatClient Dialogue { get; }

    /// <inheritdoc />
    public IChatClient Utility { get; }

    /// <inheritdoc />
    public bool IsOffline => Volatile.Read(ref _current).IsOffline;

    /// <inheritdoc />
    public string Label => Volatile.Read(ref _current).Label;

    /// <summary>The options the current chains were built from.</summary>
    public LlmOptions Options => Volatile.Read(ref _current).Options;

    /// <summary>
    /// Validates <paramref name="options"/> and swaps in chains built from them; calls already in flight finish
    /// on the old chains. Invalid options throw <see cref="OptionsValidationException"/> naming the keys and
    /// leave the current chains in place.
    /// </summary>
    public void Reconfigure(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new SectionOptionsValidator<LlmOptions>(LlmOptions.SectionName).Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(LlmOptions.SectionName, typeof(LlmOptions), validation.Failures);
        }

        Volatile.Write(ref _current, Build(options));
        Reconfigured?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>
    /// <paramref name="inner"/> inside the same decorators a configured model gets (timeouts, the fallback chain,
    /// latency, options defaults, logging) but recording no metrics and logging nothing: the turn warm-up runs the
    /// chain's code with it before the show's first turn does.
    /// </summary>
    internal IChatClient WarmUpChain(IChatClient inner)
    {
        var options = Options;
        var timed = new TimeoutChatClient(inner, TimeSpan.FromSeconds(options.FirstTokenTimeoutSeconds), TimeSpan.FromSeconds(options.TimeoutSeconds), _time);
        return new ChatClientBuilder(new FallbackChatClient(timed, [], null))
            .Use(client => new LatencyChatClient(client, _time))
            .ConfigureOptions(chat => chat.MaxOutputTokens ??= options.MaxOutputTokens)
            .UseLogging(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .Build();
    }

    /// <summary>Frees the local models loaded by the <c>local</c> provider.</summary>
    public void Dispose() => _local.Dispose();

    private LlmClientSet Build(LlmOptions options)
    {
        var offline = new OfflineScriptedChatClient(_loadScript(options), _time, TimeSpan.FromMilliseconds(options.OfflineWordDelayMilliseconds));
        if (options.IsOffline)
        {
            return new LlmClientSet(options, Outer(offline, options), Outer(offline, options), true, OfflineScriptedChatClient.Label);
        }

        if (options.IsLocal)
        {
            // One local model for both purposes; the offline script answers when it is missing, broken or slow.
            var local = _local.Create(options);
            return new LlmClientSet(
                options, LocalChain(local, offline, options), LocalChain(local, offline, options), false,
                $"local · {local.Model?.Name ?? "no model (offline script)"}");
        }

        var openAi = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? null : new Uri(options.Endpoint),
                // The fallback chain is the retry: a provider's own backoff would only delay it.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5),
            });
        return new LlmClientSet(
            options,
            Chain(openAi, options.DialogueModels, offline, options),
            Chain(openAi, options.UtilityModels, offline, options),
            false,
            $"openai · {options.DialogueModels[0]}");
    }

    private IChatClient Chain(OpenAIClient openAi, IReadOnlyList<string> models, OfflineScriptedChatClient offline, LlmOptions options)
    {
        var firstToken = TimeSpan.FromSeconds(options.FirstTokenTimeoutSeconds);
        var overall = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var links = models
            .Select(model => (IChatClient)new TimeoutChatClient(openAi.GetChatClient(model).AsIChatClient(), firstToken, overall, _time))
            .ToList();
        var fallback = new FallbackChatClient(links[0], [.. links.Skip(1), offline], _loggers.CreateLogger<FallbackChatClient>());
        return Outer(fallback, options);
    }

    private IChatClient LocalChain(LocalLlamaChatClient local, OfflineScriptedChatClient offline, LlmOptions options)
    {
        var timed = new TimeoutChatClient(local, TimeSpan.FromSeconds(options.FirstTokenTimeoutSeconds), TimeSpan.FromSeconds(options.TimeoutSeconds), _time);
        return Outer(new FallbackChatClient(timed, [offline], _loggers.CreateLogger<FallbackChatClient>()), options);
    }

    private IChatClient Outer(IChatClient inner, LlmOptions options) =>
        new ChatClientBuilder(inner)
            .Use(client => new LatencyChatClient(client, _time, _metrics, _sinks, _loggers.CreateLogger<LatencyChatClient>()))
            .ConfigureOptions(chat =>
            {
                chat.MaxOutputTokens ??= options.MaxOutputTokens;
                chat.Temperature ??= options.Temperature;
            })
            .UseLogging(_loggers)
            .Build();
}

using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using RadioStudio.Engine.Audio;
using RadioStudio.Engine.Audio.Media;
using RadioStudio.Engine.Llm;
using RadioStudio.Engine.Show.Turns;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Decorators;
using RadioStudio.Engine.Speech.OpenAi;

namespace RadioStudio.Engine.Show.WarmUp;

/// <summary>
/// One pass over the AI turn path, off the audio clock and off the air: opens the connections the configured
/// providers will use (the language model's through the OpenAI client's shared transport, the speech providers'
/// through their own clients), runs the real OpenAI clients' streaming chat parser, plain chat, transcription and
/// PCM speech decoder against a <see cref="LoopbackProvider"/> on 127.0.0.1, splits and cleans the canned reply as a turn
/// does, and plays the decoded speech through a private <see cref="SpeechPlayout"/> (and the phone-line filter)
/// into a scratch buffer. An offline voice in force synthesises one word. Nothing reaches a bus, the transcript or
/// a paid endpoint's billed routes; every failure is only logged (a cold first turn is the worst outcome).
/// </summary>
public sealed partial class TurnPathWarmer(
    LlmClients llm, SpeechProviders speech, IHttpClientFactory httpClients, PersonaGenerator personas, IOptions<AiCallerOptions> aiOptions,
    IOptions<Studio.StudioOptions> studioOptions, TimeProvider timeProvider, ILogger<TurnPathWarmer> logger)
{
    // A private meter: the studio's own speech figures never count a warm-up.
    private readonly SpeechMetrics _metrics = new();

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs one pass. Never throws but for cancellation by <paramref name="cancellationToken"/>.</summary>
    public async Task<WarmUpPass> WarmUpAsync(string reason, CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        var failed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var connections = Step("connections", OpenConnectionsAsync, failed, cancellationToken);
        await Step("turn code", PrepareCodeAsync, failed, cancellationToken).ConfigureAwait(false);
        var provider = LoopbackProvider.Start();
        await using (provider.ConfigureAwait(false))
        {
            using var http = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
            await Step("language model", ct => WarmChatAsync(provider.Endpoint, http, ct), failed, cancellationToken).ConfigureAwait(false);

            // The speech providers' own client (the factory's handler chain), as their requests go.
            var speechHttp = httpClients.CreateClient(SpeechProviders.HttpClientName);
            await Step("speech-to-text", ct => WarmSpeechToTextAsync(provider.Endpoint, speechHttp, ct), failed, cancellationToken).ConfigureAwait(false);
            await Step("text-to-speech", ct => WarmTextToSpeechAsync(provider.Endpoint, speechHttp, ct), failed, cancellationToken).ConfigureAwait(false);
            await Step("reply", ct => DryRunReplyAsync(provider.Endpoint, http, speechHttp, ct), failed, cancellationToken).ConfigureAwait(false);
        }

        await connections.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new WarmUpPass(reason, timeProvider.GetElapsedTime(start), [.. failed]);
    }

    private async Task Step(string what, Func<CancellationToken, Task> step, System.Collections.Concurrent.ConcurrentQueue<string> failed, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StepTimeout);
        try
        {
            await step(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            Log.StepFailed(logger, what, error.Message);
            failed.Enqueue($"{what}: {error.Message}");
        }
    }

    private async Task PrepareCodeAsync(CancellationToken cancellationToken)
    {
        var methods = await Task.Run(() => TurnCodePreparer.PrepareOnce(cancellationToken), cancellationToken).ConfigureAwait(false);
        Log.CodePrepared(logger, methods);
    }

    private async Task OpenConnectionsAsync(CancellationToken cancellationToken)
    {
        var speechConnections = speech.WarmUpConnectionsAsync(cancellationToken);
        if (!llm.IsOffline)
        {
            var options = llm.Options;
            // The dialogue clients use the OpenAI client's shared transport (no Transport set), so a models request
            // through another client on it leaves a pooled, handshaken connection to the same endpoint.
            var client = new OpenAIClient(
                new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? null : new Uri(options.Endpoint),
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                });
            try
            {
                await client.GetOpenAIModelClient().GetModelsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ClientResultException)
            {
                // An error status still leaves the connection open, which is all this is for.
            }
        }

        await speechConnections.ConfigureAwait(false);
    }

    private async Task WarmChatAsync(Uri endpoint, HttpClient http, CancellationToken cancellationToken)
    {
        using var chat = LoopbackChat(endpoint, http);
        ChatMessage[] messages = [new(ChatRole.System, "You are a caller."), new(ChatRole.User, "HOST: Hello, caller.")];
        var splitter = new SentenceSplitter();
        var sentences = 0;
        await foreach (var update in chat.GetStreamingResponseAsync(messages, new ChatOptions { MaxOutputTokens = 20 }, cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                sentences += splitter.Append(update.Text).Count(s => ReplyCleaner.Clean(s).Length > 0);
            }
        }

        sentences += ReplyCleaner.Clean(ThoughtTrimmer.Trim(splitter.Flush(), wasCutOff: false)).Length > 0 ? 1 : 0;
        await chat.GetResponseAsync(messages, LlmPurposes.With(LlmPurposes.ShouldRespond), cancellationToken).ConfigureAwait(false);
        Log.ChatWarmed(logger, sentences);
    }

    private async Task WarmSpeechToTextAsync(Uri endpoint, HttpClient http, CancellationToken cancellationToken)
    {
        var stt = new OpenAiSpeechToText(
                new SpeechToTextProviderOptions { Provider = "openai", Endpoint = endpoint.ToString(), ApiKey = "warm-up" }, http)
            .WithTimeout(StepTimeout, StepTimeout, timeProvider)
            .WithMetrics(_metrics, null, timeProvider);
        stt = stt.WithFallback(stt);
        // As the listener sends them: a second or so at the endpointer's rate, with the names that help the recogniser spell.
        var segment = new SpeechSegment(new float[new Speech.Vad.EndpointerOptions().SampleRate * 6 / 5], new Speech.Vad.EndpointerOptions().SampleRate);
        await foreach (var _ in stt.TranscribeStreamingAsync(segment, new Speech.SpeechToTextOptions(Prompt: "Warm-up. Host. Caller."), cancellationToken).ConfigureAwait(false))
        {
        }
    }

    private async Task WarmTextToSpeechAsync(Uri endpoint, HttpClient http, CancellationToken cancellationToken)
    {
        var canned = LoopbackVoice(endpoint, http);
        canned = canned.WithFallback(canned);
        await PlayPrivatelyAsync(canned, "Hello there.", cancellationToken).ConfigureAwait(false);
        if (speech.TextToSpeech.Info.IsOffline)
        {
            // An offline voice in force: its first synthesis (a process start, its voice data read) happens now.
            await PlayPrivatelyAsync(speech.TextToSpeech, "Hello.", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A whole reply through the same <see cref="ReplyTurn"/> code a call on air runs (prompt, streamed sentences, voice,
    /// playout, phone-line filter, read-along) with the loopback's model and voice and a private stage: what is left
    /// cold after the steps above is the code between them.
    /// </summary>
    private async Task DryRunReplyAsync(Uri endpoint, HttpClient http, HttpClient speechHttp, CancellationToken cancellationToken)
    {
        using var chat = LoopbackChat(endpoint, http);
        var canned = LoopbackVoice(endpoint, speechHttp);
        var persona = personas.DrawBoard(1, speech.TextToSpeech.Voices, new HashSet<string>(), new Random(7))[0];
        using var call = new ActiveAiCall(1, persona, reaction: null, TimeSpan.Zero);
        call.Add(new ConversationMessage(ConversationRole.Host, studioOptions.Value.HostName, "Hello, caller, you're on the air."));
        using var registration = cancellationToken.Register(call.End);
        var run = new TurnRun(call, TurnTrigger.Speech, timeProvider.GetTimestamp(), speechToTextFinal: null);
        try
        {
            var stage = new PrivateReplyStage();
            var reply = new ReplyTurn(() => chat, () => canned, aiOptions.Value, studioOptions.Value, timeProvider, logger);
            var result = await reply.RunAsync(run, stage).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (result.Outcome != "spoken" || stage.Lines == 0)
            {
                throw new InvalidOperationException($"the dry-run reply ended {result.Outcome} after {stage.Lines} sentence(s)");
            }

            Log.ReplyWarmed(logger, stage.Lines);
        }
        finally
        {
            run.Dispose();
        }
    }

    /// <summary>The real OpenAI chat client on the loopback, inside the same decorators the configured models get.</summary>
    private IChatClient LoopbackChat(Uri endpoint, HttpClient http)
    {
        var openAi = new OpenAIClient(new ApiKeyCredential("warm-up"), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
        return llm.WarmUpChain(openAi.GetChatClient("warm-up").AsIChatClient());
    }

    /// <summary>The real OpenAI speech client on the loopback, inside the timeout and (private) metrics decorators.</summary>
    private ITextToSpeech LoopbackVoice(Uri endpoint, HttpClient http) =>
        new OpenAiTextToSpeech(new TextToSpeechProviderOptions { Provider = "openai", Endpoint = endpoint.ToString(), ApiKey = "warm-up" }, http)
            .WithTimeout(StepTimeout, StepTimeout, timeProvider)
            .WithMetrics(_metrics, null, timeProvider);

    /// <summary>Synthesises <paramref name="text"/> and reads it out as the AI bus would, into a scratch buffer.</summary>
    private async Task PlayPrivatelyAsync(ITextToSpeech voice, string text, CancellationToken cancellationToken)
    {
        var playout = new SpeechPlayout();
        await foreach (var chunk in voice.SynthesizeStreamingAsync(text, new Speech.TextToSpeechOptions(), cancellationToken).ConfigureAwait(false))
        {
            playout.Append(chunk.Samples.Span, chunk.SampleRate);
        }

        playout.EndSentence(text);
        playout.Complete();
        IAudioSource source = aiOptions.Value.VoiceFilter is { } preset ? new PhoneLineFilter(playout, preset) : playout;
        var block = new float[AudioFormat.Studio.BlockSamples];
        for (var i = 0; i < 6_000 && source.Read(block) == block.Length; i++)
        {
            // Read until the short read that ends the playout (bounded: two minutes of audio).
        }

        playout.CloseReadAlong();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5401, Level = LogLevel.Debug, Message = "Turn warm-up: the canned reply split into {Sentences} sentences")]
        public static partial void ChatWarmed(ILogger logger, int sentences);

        [LoggerMessage(EventId = 5404, Level = LogLevel.Debug, Message = "Turn warm-up: a dry-run reply spoke {Sentences} sentences off the air")]
        public static partial void ReplyWarmed(ILogger logger, int sentences);

        [LoggerMessage(EventId = 5403, Level = LogLevel.Debug, Message = "Turn warm-up: {Methods} methods of the turn path compiled")]
        public static partial void CodePrepared(ILogger logger, int methods);

        [LoggerMessage(EventId = 5402, Level = LogLevel.Debug, Message = "Turn warm-up: {What} not warmed: {Reason}")]
        public static partial void StepFailed(ILogger logger, string what, string reason);
    }
}

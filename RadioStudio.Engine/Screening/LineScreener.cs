using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RadioStudio.Engine.Audio.Nodes;
using RadioStudio.Engine.Speech;
using RadioStudio.Engine.Speech.Vad;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Screening;

/// <summary>
/// The AI screener's conversation with one holding caller: greeting, name, topic, a follow-up when the topic is
/// vague, closing. It speaks only into that caller's hold audio (<see cref="ScreenerLineAudio"/>), listens to what
/// the caller says (VAD-endpointed, never while it speaks itself), keeps each answer as a clip, transcribes it,
/// and after each answer asks the utility model for the card's fields. Gives up ("incomplete") when the turns or
/// the time run out. Stopped (cancelled) when the host takes the caller or a human takes over.
/// </summary>
internal sealed partial class LineScreener(ScreenerContext context, string lineId, string number, ScreenerLineAudio audio)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MusicDip = TimeSpan.FromMilliseconds(600);
    private readonly List<ScreeningLine> _exchange = [];
    private ScreeningFields _fields = ScreeningFields.Empty;
    private (string? Name, string? Topic) _written;
    private int _answers;

    /// <summary>Runs the conversation to its end (or until cancelled).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var started = context.Time.GetUtcNow();
        var giveUp = started + TimeSpan.FromSeconds(options.GiveUpSeconds);
        var show = context.ShowTitle();
        audio.Ducked = true;

        // The hold music dips first, then the screener speaks: a beat of quiet, as on air, so the first word is not
        // lost under the fade and the caller hears that someone is about to talk.
        var dip = Task.Delay(MusicDip, context.Time, cancellationToken);
        var known = await context.KnownCallers.FindNameAsync(number, cancellationToken).ConfigureAwait(false);
        var greeting = known is not null
            ? options.KnownCallerGreeting.Replace("{show}", show, StringComparison.Ordinal).Replace("{name}", known, StringComparison.Ordinal)
            : options.Greeting.Replace("{show}", show, StringComparison.Ordinal);
        if (known is not null)
        {
            _fields = _fields with { Name = known };
        }

        await dip.ConfigureAwait(false);

        // Greeting and first question in one breath: a pause between them would sound like the caller's turn.
        var followUpAsked = false;
        var question = known is null ? options.NameQuestion : options.TopicQuestion;
        await SayAsync(ScreeningStatus.Screening, [greeting, question], cancellationToken).ConfigureAwait(false);
        var status = ScreeningStatus.Incomplete;
        for (var turn = 0; turn < options.MaxTurns && context.Time.GetUtcNow() < giveUp; turn++)
        {
            var segment = await ListenAsync(giveUp, cancellationToken).ConfigureAwait(false);
            if (segment is null)
            {
                // Never the same words twice in a row: a caller who missed the question hears that it is asked again.
                await SayAsync(ScreeningStatus.Screening, [options.Reprompt, question], cancellationToken).ConfigureAwait(false);
                continue;
            }

            var before = _fields;
            var extraction = await HearAnswerAsync(segment, cancellationToken).ConfigureAwait(false);
            if (_fields.Complete && (extraction?.Done != false || followUpAsked))
            {
                status = ScreeningStatus.Screened;
                break;
            }

            if (_fields.Complete)
            {
                followUpAsked = true;
                question = options.FollowUp;
            }
            else
            {
                var next = string.IsNullOrWhiteSpace(_fields.Name) ? options.NameQuestion : options.TopicQuestion;
                if (next == question && _fields == before)
                {
                    // The answer told us nothing (or could not be read): say so before asking again.
                    await SayAsync(ScreeningStatus.Screening, [options.Reprompt, next], cancellationToken).ConfigureAwait(false);
                    continue;
                }

                question = next;
            }

            await SayAsync(ScreeningStatus.Screening, [question], cancellationToken).ConfigureAwait(false);
        }

        await SayAsync(status, [options.Closing], cancellationToken).ConfigureAwait(false);
        await WaitQuietAsync(cancellationToken).ConfigureAwait(false);
        audio.Ducked = false;
    }

    /// <summary>Speaks <paramref name="lines"/> to this caller (one line each on the card) and waits until they have been heard.</summary>
    private async Task SayAsync(ScreeningStatus status, string[] lines, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        _exchange.AddRange(lines.Select(l => new ScreeningLine(now, FromScreener: true, l)));
        await PublishAsync(status, cancellationToken).ConfigureAwait(false);
        var text = string.Join(' ', lines);
        try
        {
            var spoken = await context.Voice.SpeakAsync(text, cancellationToken).ConfigureAwait(false);
            audio.Append(spoken.Samples.Span, spoken.SampleRate);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A voice that fails leaves the line on the card; the screening carries on (the caller may still answer).
            Log.SpeechFailed(context.Logger, lineId, error.Message);
        }

        await WaitQuietAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitQuietAsync(CancellationToken cancellationToken)
    {
        while (audio.Speaking)
        {
            await Task.Delay(Poll, context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The caller's next answer (16 kHz), or null when they said nothing within <see cref="ScreeningOptions.AnswerWaitSeconds"/>.</summary>
    private async Task<SpeechSegment?> ListenAsync(DateTimeOffset giveUp, CancellationToken cancellationToken)
    {
        var endpointer = new SpeechEndpointer();
        var resampler = new PolyphaseResampler(48_000, 16_000);
        var block = new float[960];
        var frame = new float[resampler.MaxOutputFor(block.Length)];
        var silentUntil = context.Time.GetUtcNow() + TimeSpan.FromSeconds(context.Options.AnswerWaitSeconds);
        while (context.Time.GetUtcNow() < giveUp)
        {
            while (audio.HeardAvailable >= block.Length)
            {
                audio.ReadHeard(block);
                var produced = resampler.Process(block, frame);
                var result = endpointer.Process(frame.AsSpan(0, produced));
                if (result == EndpointerEvent.SpeechEnded && endpointer.TakeSegment() is { } ended)
                {
                    return ended.Segment;
                }
            }

            if (!endpointer.IsSpeaking && context.Time.GetUtcNow() > silentUntil)
            {
                return null;
            }

            await Task.Delay(Poll, context.Time, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Keeps the answer as a clip, transcribes it, and merges what the model extracts into the card.</summary>
    private async Task<ScreeningExtraction?> HearAnswerAsync(SpeechSegment segment, CancellationToken cancellationToken)
    {
        var at = context.Time.GetUtcNow();
        var clip = context.Clips.Save(lineId, ++_answers, segment);
        var text = await TranscribeAsync(segment, cancellationToken).ConfigureAwait(false);
        _exchange.Add(new ScreeningLine(at, FromScreener: false, text, clip));
        await PublishAsync(ScreeningStatus.Screening, cancellationToken).ConfigureAwait(false);
        if (text.Length == 0)
        {
            return null;
        }

        ScreeningExtraction? extraction;
        using (await context.Gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            extraction = await context.Extractor.ExtractAsync(_exchange, cancellationToken).ConfigureAwait(false);
        }

        if (extraction is not null)
        {
            _fields = HumanEdits(_fields).Merge(extraction);
            await PublishAsync(ScreeningStatus.Screening, cancellationToken).ConfigureAwait(false);
        }

        return extraction;
    }

    private async Task<string> TranscribeAsync(SpeechSegment segment, CancellationToken cancellationToken)
    {
        try
        {
            using (await context.Gate.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = "";
                await foreach (var update in context.Recognition.TranscribeStreamingAsync(segment, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    text = update.Text;
                }

                return text.Trim();
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.RecognitionFailed(context.Logger, lineId, error.Message);
            return "";
        }
    }

    /// <summary>A name or topic on the line that is not what this screener last wrote was typed by a human: it is theirs now.</summary>
    private ScreeningFields HumanEdits(ScreeningFields fields)
    {
        var line = context.Line(lineId);
        if (line is null)
        {
            return fields;
        }

        var name = line.Name != _written.Name && line.Name != fields.Name ? line.Name : null;
        var topic = line.Topic != _written.Topic && line.Topic != fields.Topic ? line.Topic : null;
        return name is null && topic is null ? fields : fields.EditedByHuman(name, topic);
    }

    private async Task PublishAsync(ScreeningStatus status, CancellationToken cancellationToken)
    {
        _fields = HumanEdits(_fields);
        var name = _fields.NameByHuman ? null : _fields.Name;
        var topic = _fields.TopicByHuman ? null : _fields.Topic;
        var state = new ScreeningState(status, [.. _exchange], _fields.Summary);
        await context.Publish(lineId, state, name, topic, cancellationToken).ConfigureAwait(false);
        _written = (name ?? _written.Name, topic ?? _written.Topic);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Screener on line {LineId} could not speak: {Reason}")]
        public static partial void SpeechFailed(ILogger logger, string lineId, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Screener on line {LineId} could not transcribe an answer (the clip is kept): {Reason}")]
        public static partial void RecognitionFailed(ILogger logger, string lineId, string reason);
    }
}

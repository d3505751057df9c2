namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Decides whether a stream's <c>start</c> belongs to a call the studio answered.</summary>
public interface IMediaStreamHost
{
    /// <summary>The sink for this stream, or null to reject it (the socket is then closed).</summary>
    ValueTask<IMediaStreamSink?> AttachAsync(MediaStreamSession session, StreamStart start, CancellationToken cancellationToken);
}

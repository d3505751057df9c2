namespace RadioStudio.Engine.Telephony.Twilio;

/// <summary>Media Streams message types, both directions.</summary>
public enum StreamEvent
{
    Unknown,
    Connected,
    Start,
    Media,
    Dtmf,
    Mark,
    Stop,
    Clear,
}

namespace RadioStudio.Engine.Speech;

/// <summary>A voice a TTS provider offers.</summary>
/// <param name="Id">What the provider calls it ("alloy", an ElevenLabs voice id, "en-us+m3").</param>
/// <param name="Name">What the host sees.</param>
/// <param name="Gender">Used to match a persona's gender.</param>
public sealed record VoiceInfo(string Id, string Name, VoiceGender Gender);

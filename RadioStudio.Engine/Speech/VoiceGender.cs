namespace RadioStudio.Engine.Speech;

/// <summary>How a voice sounds, for matching personas.</summary>
public enum VoiceGender
{
    Neutral,
    Female,
    Male,
}

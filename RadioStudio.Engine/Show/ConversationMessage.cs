namespace RadioStudio.Engine.Show;

/// <summary>One spoken line in an AI call's conversation, as the prompt builder sees it.</summary>
/// <param name="Role">Who spoke.</param>
/// <param name="Speaker">Display name: the host's name, a phone caller's name or number, the AI caller's name.</param>
/// <param name="Text">What was actually heard on air.</param>
public sealed record ConversationMessage(ConversationRole Role, string Speaker, string Text);

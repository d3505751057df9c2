// Keeps a transcript pinned to the newest line while the reader is at the bottom. Scrolling up
// pauses following and shows "Jump to live"; returning to the bottom (or the button) resumes.
// Driven by DOM mutations, never by timers.
const SLACK_PX = 48;

export function follow(container, jumpButton) {
    let pinned = true;
    const atBottom = () => container.scrollHeight - container.scrollTop - container.clientHeight <= SLACK_PX;
    const toBottom = () => { container.scrollTop = container.scrollHeight; };
    const show = (visible) => { jumpButton.hidden = !visible; };

    const onScroll = () => { pinned = atBottom(); if (pinned) show(false); };
    const onJump = () => { pinned = true; show(false); toBottom(); };
    const observer = new MutationObserver(() => { if (pinned) toBottom(); else show(true); });

    container.addEventListener('scroll', onScroll, { passive: true });
    jumpButton.addEventListener('click', onJump);
    observer.observe(container, { childList: true });
    toBottom();

    return {
        isPinned: () => pinned,
        dispose: () => {
            observer.disconnect();
            container.removeEventListener('scroll', onScroll);
            jumpButton.removeEventListener('click', onJump);
        },
    };
}

/** @module An action's comments, oldest first, and a field to add one (Ctrl/⌘+Enter or the Comment button). */
import { useState } from 'preact/hooks';
import type { ActionComment, Member } from '../../shared/schema/records';
import { fullTime, relativeAge } from './format';
import { MemberAvatar } from './MemberAvatar';

export interface CommentsSectionProps {
  comments: ActionComment[];
  member(id: string): Member | undefined;
  now: number;
  disabled: boolean;
  onComment(text: string): Promise<boolean>;
}

export function CommentsSection({ comments, member, now, disabled, onComment }: CommentsSectionProps) {
  const [text, setText] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (text.trim() && (await onComment(text.trim()))) setText('');
  };
  return (
    <section class="pp-section" aria-labelledby="comments-heading">
      <h3 id="comments-heading">Comments <span class="pp-count">{comments.length}</span></h3>
      {comments.length > 0 && (
        <ol class="pp-comments">
          {comments.map((comment) => {
            const author = member(comment.author);
            return (
              <li key={comment.id}>
                <MemberAvatar name={author?.name ?? 'Someone'} color={author?.color} small />
                <div>
                  <p class="pp-comment-head">
                    <strong>{author?.name ?? 'Someone'}</strong>{' '}
                    <time dateTime={comment.at} title={fullTime(comment.at)}>{relativeAge(comment.at, now)}</time>
                  </p>
                  <p class="pp-comment-text">{comment.text}</p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <form class="pp-comment-form" onSubmit={submit}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e); }}>
        <label class="pp-label" for="comment-text">Add a comment</label>
        <textarea id="comment-text" rows={2} maxLength={5000} value={text} disabled={disabled} onInput={(e) => setText(e.currentTarget.value)} />
        <div class="pp-row-end"><button type="submit" disabled={disabled || !text.trim()}>Comment</button></div>
      </form>
    </section>
  );
}

/** `nevent_help` guidance on email templates. */
import type { HelpGuide } from '../../tool';

const guidance = `# Email templates

Templates are addressed by \`template_id\`. There is no list over the API (Nevent AI's
\`nevent_list_templates\` and \`nevent_get_template\` read Nevent's database, which this bridge cannot reach):
ids come from the person, from a campaign, or from a template you created. Bodies are HTML (\`format: "html"\`, \`html_body\`) or MJML
(\`format: "mjml"\`, \`mjml_body\`) with merge tags like \`{{first_name}}\`.

- Write (STANDARD mode): \`nevent_create_template\`, \`nevent_update_template\` (only the fields given; tags
  replace), \`nevent_clone_template\` (edit a copy, keep the original), \`nevent_rename_template\`.
- Check: \`nevent_preview_template({ template_id, sample_user_id? | sample_user_email?, subject? })\` renders it
  for a fan and lists its merge tags; nothing is sent.
- Send a test (STANDARD mode, emails real people): preview first, then \`nevent_send_test_template({ template_id,
  emails })\`. The user confirms the recipients first: your client asks them when it can; otherwise the call
  answers \`confirmation_required\` naming the recipients, and you call again with \`confirmed: true\` once they
  agree. A refusal by the mail service (e.g. an unverified address) is an \`api_error\` with its reason.`;

/** The email templates help topics (upstream's name: `templates`). */
export const templatesGuides: readonly HelpGuide[] = [{ topic: 'templates', guidance }];

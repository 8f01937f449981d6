/** The title block at the top of every portal page (server-rendered; styles in app/globals.css). */
export function PageHeader({ title, description, extra }: { title: string; description?: string; extra?: React.ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h3>{title}</h3>
        {description && <p>{description}</p>}
      </div>
      {extra}
    </div>
  );
}

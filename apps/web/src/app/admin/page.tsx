import { redirect } from 'next/navigation';

/** The admin area opens on its content: the decks. */
export default function AdminHome() {
  redirect('/admin/decks');
}

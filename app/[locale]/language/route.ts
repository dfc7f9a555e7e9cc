import { switchLocale } from '@/i18n/switch-locale';

export const dynamic = 'force-dynamic';

export const POST = switchLocale;

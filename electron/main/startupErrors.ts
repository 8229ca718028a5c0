// What the person is told when the database cannot be opened at start-up: a missing or mismatched SQLite addon says
// what to run (it is not a permissions problem), anything else says where the file is and what to check.
import { ApiError } from '../../decks/common/api.ts';
import { BUILD_ADDON_COMMAND, isAddonLoadError } from '../nativeAddon.mjs';

export interface DatabaseFailure {
  title: string;
  detail: string;
}

export function databaseFailure(err: unknown, where: { dbPath: string; addonPath: string | undefined; packaged: boolean }): DatabaseFailure {
  const why = err instanceof ApiError ? `${err.zh}\n${err.en}` : String(err instanceof Error ? err.message : err).split('\n')[0]!;
  if (isAddonLoadError(err)) {
    const fix = where.packaged
      ? '这份安装已损坏，请重新安装汇报。\nThis installation is damaged: install Huibao again.'
      : `请在汇报的文件夹中运行 ${BUILD_ADDON_COMMAND}，然后重新启动（npm start 会自动完成这一步）。\n` +
        `Run \`${BUILD_ADDON_COMMAND}\` in the Huibao folder, then start again (npm start does this by itself).`;
    return {
      title: '汇报无法加载数据库组件 · Huibao cannot load its database component',
      detail: `${why}\n\n${where.addonPath ? `组件 · Component: ${where.addonPath}\n\n` : ''}${fix}`,
    };
  }
  return {
    title: '无法打开汇报数据库 · Cannot open the Huibao database',
    detail: `${why}\n\n数据库位置 · Database: ${where.dbPath}\n\n请检查该文件或文件夹的权限，或联系技术支持。\nCheck the file and folder permissions, or ask for support.`,
  };
}
